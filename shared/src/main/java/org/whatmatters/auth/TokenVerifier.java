package org.whatmatters.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.whatmatters.json.Json;
import org.whatmatters.problem.ProblemException;

/**
 * Checks a Cognito ID token as API Gateway's JWT authorizer does, where no authorizer runs: a
 * WebSocket $connect, whose token comes in the query string because a browser cannot set headers
 * there. RS256 only, signed by a key of the issuer's JWKS; issuer, expiry, not-before, audience (or
 * client_id) and token_use all checked. Uses the JDK's crypto, so the function carries no JWT library.
 */
public final class TokenVerifier {

    static final Duration LEEWAY = Duration.ofSeconds(10);
    static final int MAX_TOKEN = 8 * 1024;

    private final String issuer;
    private final List<String> audiences;
    private final Jwks keys;
    private final Clock clock;

    public TokenVerifier(String issuer, List<String> audiences, Jwks keys, Clock clock) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The token's claims as the HTTP API's authorizer passes them (every value text, arrays as
     * "[a b]"), so {@link Caller#fromClaims} reads both alike.
     *
     * @throws ProblemException 401 for any token that is not good; the detail is for logs
     */
    public Map<String, String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            throw bad("no token, or one too long");
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw bad("not a signed JWT");
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        if (!"RS256".equals(header.path("alg").asText()) || !header.path("kid").isTextual() || header.has("crit")) {
            throw bad("only RS256 with a key id is accepted, alg was " + header.path("alg").asText("?"));
        }
        PublicKey key = keys.key(header.get("kid").asText()).orElseThrow(() -> bad("unknown signing key"));
        if (!signedBy(key, parts)) {
            throw bad("bad signature");
        }
        checkClaims(claims);
        Map<String, String> flat = new LinkedHashMap<>();
        claims.properties().forEach(e -> flat.put(e.getKey(), flatten(e.getValue())));
        // Whole seconds, however the issuer wrote the number: the connection ends then.
        flat.put("exp", Long.toString(claims.get("exp").asLong()));
        return flat;
    }

    private void checkClaims(JsonNode c) {
        Instant now = clock.instant();
        if (!issuer.equals(c.path("iss").asText(null))) {
            throw bad("issued by " + c.path("iss").asText("nobody"));
        }
        if (!c.path("exp").isNumber() || !now.isBefore(Instant.ofEpochSecond(c.get("exp").asLong()).plus(LEEWAY))) {
            throw bad("expired, or no expiry");
        }
        if (c.has("nbf") && (!c.get("nbf").isNumber()
                || now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(c.get("nbf").asLong())))) {
            throw bad("not valid yet");
        }
        JsonNode aud = c.path("aud");
        boolean audience = aud.isArray() ? StreamSupport.stream(aud.spliterator(), false).anyMatch(this::accepted)
                : accepted(aud);
        if (!audience && !accepted(c.path("client_id"))) {
            throw bad("for another audience");
        }
        // Custom attributes (team, provider) are in ID tokens only.
        if (c.has("token_use") && !"id".equals(c.get("token_use").asText())) {
            throw bad("not an ID token");
        }
        if (c.path("sub").asText("").isBlank()) {
            throw bad("no subject");
        }
    }

    private boolean accepted(JsonNode audience) {
        return audience.isTextual() && audiences.contains(audience.asText());
    }

    private static boolean signedBy(PublicKey key, String[] parts) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw bad("a part is not a JSON object");
            }
            return node;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw bad("a part is not base64url JSON");
        }
    }

    private static String flatten(JsonNode v) {
        if (v.isArray()) {
            return StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static ProblemException bad(String why) {
        return ProblemException.unauthorized("The token is not valid: " + why);
    }
}
