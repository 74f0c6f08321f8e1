package org.whatmatters.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.ProblemException;

/**
 * An issuer's signing keys (its JWKS), kept for at most {@link #MAX_AGE} and then fetched again, so a
 * key the issuer no longer publishes stops being trusted within the hour. Fetched early when a token
 * names a key not seen yet (the issuer rotated its keys), at most every {@link #REFETCH}, so that tokens
 * with made-up key ids cannot make every connect call the issuer. A fetch that fails is a 503 problem
 * (the handshake is refused, never an uncaught error), and is not tried again for {@link #BACK_OFF}.
 */
public final class Jwks {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration REFETCH = Duration.ofSeconds(30);
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration BACK_OFF = Duration.ofSeconds(5);

    private final Supplier<String> fetch;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt;
    private volatile Instant failedAt;
    private volatile String failure;

    public Jwks(Supplier<String> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    /** The keys at {issuer}/.well-known/jwks.json: where Cognito (and the local cloud) publish them. */
    public static Jwks of(String issuer, Clock clock) {
        URI uri = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        return new Jwks(() -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("JWKS " + uri + " answered " + r.statusCode());
                }
                return r.body();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("JWKS " + uri + " could not be fetched: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted fetching " + uri, e);
            }
        }, clock);
    }

    /**
     * The RSA key with this id; empty when the issuer does not publish one.
     *
     * @throws ProblemException 503 when the keys are due to be fetched and cannot be
     */
    public Optional<PublicKey> key(String kid) {
        Instant now = clock.instant();
        Instant at = fetchedAt;
        PublicKey known = keys.get(kid);
        if (known != null && at != null && now.isBefore(at.plus(MAX_AGE))) {
            return Optional.of(known);
        }
        synchronized (this) {
            boolean stale = fetchedAt == null || !now.isBefore(fetchedAt.plus(MAX_AGE));
            if (stale || !keys.containsKey(kid) && !now.isBefore(fetchedAt.plus(REFETCH))) {
                refresh(now);
            }
            return Optional.ofNullable(keys.get(kid));
        }
    }

    private void refresh(Instant now) {
        if (failedAt != null && now.isBefore(failedAt.plus(BACK_OFF))) {
            throw unavailable(failure);
        }
        try {
            Map<String, PublicKey> fresh = parse(fetch.get());
            keys = fresh;
            fetchedAt = now;
            failedAt = null;
        } catch (RuntimeException e) {
            failedAt = now;
            failure = e.getMessage();
            if (fetchedAt == null || !now.isBefore(fetchedAt.plus(MAX_AGE))) {
                // Keys older than their hour are not trusted any more: nothing can be verified now.
                keys = Map.of();
            }
            throw unavailable(failure);
        }
    }

    private static ProblemException unavailable(String why) {
        Log.warn("the issuer's keys could not be fetched", "error", why);
        return ProblemException.of(503, "keys-unavailable", "Sign-in cannot be checked just now",
                "The issuer's signing keys could not be fetched; try again shortly");
    }

    /** RS256 signing keys only; anything else in the set is skipped. */
    static Map<String, PublicKey> parse(String json) {
        JsonNode set = Json.read(json, JsonNode.class);
        if (set == null || !set.path("keys").isArray()) {
            throw new IllegalStateException("the JWKS has no keys array");
        }
        Map<String, PublicKey> out = new HashMap<>();
        for (JsonNode k : set.path("keys")) {
            boolean signing = k.path("use").asText("sig").equals("sig") && k.path("alg").asText("RS256").equals("RS256");
            if (!signing || !k.path("kty").asText().equals("RSA") || !k.path("kid").isTextual()) {
                continue;
            }
            try {
                Base64.Decoder b64 = Base64.getUrlDecoder();
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, b64.decode(k.path("n").asText())),
                        new BigInteger(1, b64.decode(k.path("e").asText())));
                out.put(k.get("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(spec));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // A key we cannot read verifies nothing; the others still do.
            }
        }
        return Map.copyOf(out);
    }
}
