package org.whatmatters.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestIssuer;

/** The $connect token check, against a JWKS this test controls. */
class TokenVerifierTest {

    // RSA key generation is slow: one issuer, forger and successor key for all the tests.
    private static final TestIssuer ISSUER = new TestIssuer("key-1");
    private static final TestIssuer FORGER = new TestIssuer("key-1");
    private static final TestIssuer STRANGER = new TestIssuer("key-2");
    private final AtomicReference<String> published = new AtomicReference<>(ISSUER.jwks());
    private final AtomicInteger fetches = new AtomicInteger();
    private final TokenVerifier verifier = verifier(Clock.systemUTC());

    private TokenVerifier verifier(Clock clock) {
        Jwks keys = new Jwks(() -> {
            fetches.incrementAndGet();
            return published.get();
        }, clock);
        return new TokenVerifier(ISSUER.issuer(), List.of("other-app", TestIssuer.AUDIENCE), keys, clock);
    }

    private void refused(String token, String why) {
        ProblemException e = assertThrows(ProblemException.class, () -> verifier.verify(token), why);
        assertEquals(401, e.problem().status(), why);
    }

    private Map<String, Object> claims() {
        return new LinkedHashMap<>(ISSUER.claims(People.MARIA, Duration.ofHours(1)));
    }

    @Test
    void aGoodIdTokenGivesItsClaimsAsTheHttpAuthorizerWould() {
        Map<String, String> claims = verifier.verify(ISSUER.idToken(People.AMARA));
        assertEquals("w-amara", claims.get("sub"));
        assertEquals("[worker]", claims.get("cognito:groups"), "arrays flattened as API Gateway does");
        Caller caller = Caller.fromClaims(claims);
        assertTrue(caller.is(Role.WORKER));
        assertEquals("t-north", caller.teamId());
    }

    @Test
    void expiredOrNotYetValidTokensAreRefused() {
        refused(ISSUER.sign(ISSUER.claims(People.MARIA, Duration.ofSeconds(-60))), "expired a minute ago");
        Map<String, Object> noExpiry = claims();
        noExpiry.remove("exp");
        refused(ISSUER.sign(noExpiry), "no expiry");
        Map<String, Object> later = claims();
        later.put("nbf", Instant.now().plusSeconds(600).getEpochSecond());
        refused(ISSUER.sign(later), "not valid for ten minutes");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        refused(FORGER.sign(claims()), "same key id, other key");
        refused(STRANGER.sign(claims()), "a key the issuer never published");
    }

    @Test
    void wrongIssuerAudienceOrTokenUseIsRefused() {
        Map<String, Object> c = claims();
        c.put("iss", "https://cognito-idp.eu-west-2.amazonaws.com/someone-else");
        refused(ISSUER.sign(c), "another issuer");
        c = claims();
        c.put("aud", "another-app");
        refused(ISSUER.sign(c), "another audience");
        c = claims();
        c.put("token_use", "access");
        refused(ISSUER.sign(c), "an access token carries no custom attributes");
        c = claims();
        c.remove("sub");
        refused(ISSUER.sign(c), "no subject");
    }

    @Test
    void audienceMayBeAListOrTheClientId() {
        Map<String, Object> c = claims();
        c.put("aud", List.of("x", TestIssuer.AUDIENCE));
        assertEquals("f-maria", verifier.verify(ISSUER.sign(c)).get("sub"));
        c.remove("aud");
        c.put("client_id", "other-app");
        assertEquals("f-maria", verifier.verify(ISSUER.sign(c)).get("sub"));
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefused() {
        String payload = TestIssuer.b64(org.whatmatters.json.Json.write(claims()).getBytes(StandardCharsets.UTF_8));
        refused(TestIssuer.b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".", "alg none");
        refused(TestIssuer.b64("{\"alg\":\"none\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload
                + "." + TestIssuer.b64(new byte[]{1}), "alg none with a signature");
        refused(ISSUER.sign(Map.of("alg", "HS256", "kid", "key-1"), claims()), "HS256");
        refused(ISSUER.sign(Map.of("alg", "RS256"), claims()), "no key id");
        refused(ISSUER.sign(Map.of("alg", "RS256", "kid", "key-1", "crit", List.of("exp")), claims()), "crit header");
    }

    @Test
    void malformedTokensAreRefused() {
        String good = ISSUER.idToken(People.MARIA);
        String[] parts = good.split("\\.");
        for (String bad : new String[]{null, "", "not-a-jwt", "a.b", "a.b.c.d", parts[0] + "." + parts[1],
                parts[0] + ".!!!." + parts[2], "e30." + parts[1] + "." + parts[2],
                parts[0] + "." + TestIssuer.b64("[1]".getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                good + "x", "x".repeat(TokenVerifier.MAX_TOKEN + 1)}) {
            refused(bad, "malformed: " + bad);
        }
        String tampered = parts[0] + "." + TestIssuer.b64(org.whatmatters.json.Json.write(Map.of("sub", "a-priya",
                "iss", ISSUER.issuer(), "aud", TestIssuer.AUDIENCE, "exp", 4_000_000_000L)).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        refused(tampered, "claims changed after signing");
    }

    @Test
    void keysAreFetchedOnceAndAgainOnlyForANewKeyIdAfterAWhile() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TokenVerifier v = verifier(clock);
        Map<String, Object> c = claims();
        c.put("exp", now.get().plusSeconds(3600).getEpochSecond());
        v.verify(ISSUER.sign(c));
        v.verify(ISSUER.sign(c));
        assertEquals(1, fetches.get(), "cached");

        TestIssuer rotated = STRANGER;
        assertThrows(ProblemException.class, () -> v.verify(rotated.sign(c)));
        assertEquals(1, fetches.get(), "an unknown key id right after a fetch does not fetch again");
        published.set(rotated.jwks());
        now.set(now.get().plus(Jwks.REFETCH));
        assertEquals("f-maria", v.verify(rotated.sign(c)).get("sub"), "the issuer rotated its key");
        assertEquals(2, fetches.get());
    }

    /** A clock the test moves. */
    private static Clock movable(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    /** Keys are kept an hour at most: a key the issuer stopped publishing is not trusted after that. */
    @Test
    void keysAreKeptAnHourAndAKeyNoLongerPublishedStopsBeingTrusted() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
        TokenVerifier v = verifier(movable(now));
        Map<String, Object> c = claims();
        c.put("exp", now.get().plus(Duration.ofHours(3)).getEpochSecond());
        v.verify(ISSUER.sign(c));
        published.set(STRANGER.jwks());
        now.set(now.get().plus(Jwks.MAX_AGE).minusSeconds(1));
        v.verify(ISSUER.sign(c));
        assertEquals(1, fetches.get(), "within the hour the kept key is used");
        now.set(now.get().plusSeconds(1));
        ProblemException dropped = assertThrows(ProblemException.class, () -> v.verify(ISSUER.sign(c)));
        assertEquals(401, dropped.problem().status());
        assertEquals(2, fetches.get(), "fetched again after the hour");
        assertEquals("f-maria", v.verify(STRANGER.sign(c)).get("sub"));
    }

    /** An issuer that cannot be reached is a 503 problem, tried again only after a pause. */
    @Test
    void aFailedFetchIs503AndIsNotRetriedAtOnce() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> answer = new AtomicReference<>(null);
        Jwks keys = new Jwks(() -> {
            calls.incrementAndGet();
            if (answer.get() == null) {
                throw new IllegalStateException("JWKS https://issuer/.well-known/jwks.json answered 502");
            }
            return answer.get();
        }, movable(now));
        TokenVerifier v = new TokenVerifier(ISSUER.issuer(), List.of(TestIssuer.AUDIENCE), keys, movable(now));
        Map<String, Object> c = claims();
        c.put("exp", now.get().plus(Duration.ofHours(3)).getEpochSecond());
        String token = ISSUER.sign(c);
        for (int i = 0; i < 3; i++) {
            ProblemException e = assertThrows(ProblemException.class, () -> v.verify(token));
            assertEquals(503, e.problem().status());
        }
        assertEquals(1, calls.get(), "one fetch, then a pause");
        answer.set("not json");
        now.set(now.get().plus(Jwks.BACK_OFF));
        assertEquals(503, assertThrows(ProblemException.class, () -> v.verify(token)).problem().status(),
                "a JWKS that cannot be read is no better");
        answer.set(ISSUER.jwks());
        now.set(now.get().plus(Jwks.BACK_OFF));
        assertEquals("f-maria", v.verify(token).get("sub"));
        assertEquals(3, calls.get());
    }
}
