package org.whatmatters.local.cloud;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local cloud's token issuer, standing in for a Cognito user pool: a signing key generated at
 * start, dev tokens for the demo users, its JWKS, and verification as API Gateway's JWT authorizer
 * does it (signature, issuer, audience or client_id, expiry).
 */
public final class JwtIssuer {

    private final String issuer;
    private final String audience;
    private final RSAKey key;
    private final Clock clock;

    public JwtIssuer(String issuer, String audience, Clock clock) {
        this(issuer, audience, clock, newKey());
    }

    /** With a key from {@link #newKey()}, which the local cloud makes while its engines start. */
    JwtIssuer(String issuer, String audience, Clock clock, RSAKey key) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.key = key;
    }

    /** A fresh RS256 signing key, as Cognito's: a second or more of CPU under C1, so worth starting early. */
    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The public key set, as served at {issuer}/.well-known/jwks.json. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** An ID token like Cognito's: groups as a list, custom attributes as custom:* claims. */
    public String mint(String sub, List<String> groups, Map<String, String> custom, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(sub)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .claim("token_use", "id").claim("auth_time", now.getEpochSecond())
                .claim("cognito:groups", groups);
        custom.forEach(claims::claim);
        return sign(claims.build(), key);
    }

    static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims API Gateway passes to the function when the token is good: every value a string,
     * arrays flattened as "[a b]", a single audience a plain string. Empty when the token is missing, badly signed, expired, or for
     * another issuer or audience.
     */
    public Optional<Map<String, String>> verify(String token, String expectedIssuer, List<String> audiences) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!expectedIssuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
                return Optional.empty();
            }
            List<String> aud = claims.getAudience();
            Object clientId = claims.getClaim("client_id");
            if (aud.stream().noneMatch(audiences::contains) && !(clientId != null && audiences.contains(clientId))) {
                return Optional.empty();
            }
            // From the payload as written: a single audience stays a plain string, as API Gateway passes it.
            Map<String, String> flat = new LinkedHashMap<>();
            jwt.getPayload().toJSONObject().forEach((k, v) -> flat.put(k, flatten(v)));
            return Optional.of(flat);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object v) {
        if (v instanceof Date d) {
            return Long.toString(d.toInstant().getEpochSecond());
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(v);
    }
}
