package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claims the local HTTP API passes on are shaped as API Gateway's JWT authorizer passes them. */
class JwtIssuerTest {

    private final JwtIssuer issuer = new JwtIssuer("http://127.0.0.1:1/local-issuer", "whatmatters-local",
            Clock.systemUTC());

    @Test
    void aSingleAudienceIsAPlainStringAndAListIsBracketed() {
        String token = issuer.mint("f-maria", List.of("family"), Map.of("name", "Maria"), Duration.ofMinutes(5));
        Map<String, String> claims = issuer.verify(token, issuer.issuer(), List.of("whatmatters-local")).orElseThrow();
        assertEquals("whatmatters-local", claims.get("aud"));
        assertEquals("[family]", claims.get("cognito:groups"));
        assertEquals("Maria", claims.get("name"));
        assertTrue(claims.get("exp").matches("\\d{10}"), claims.get("exp"));
    }

    @Test
    void aTokenForAnotherAudienceHasNoClaims() {
        String token = issuer.mint("f-maria", List.of("family"), Map.of(), Duration.ofMinutes(5));
        assertTrue(issuer.verify(token, issuer.issuer(), List.of("someone-else")).isEmpty());
    }
}
