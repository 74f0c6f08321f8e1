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

/**
 * An issuer's signing keys (its JWKS), fetched once per function instance and kept; fetched again
 * when a token names a key not seen yet (the issuer rotated its keys), at most every {@link #REFETCH}
 * so that tokens with made-up key ids cannot make every connect call the issuer.
 */
public final class Jwks {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration REFETCH = Duration.ofSeconds(30);

    private final Supplier<String> fetch;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt;

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

    /** The RSA key with this id; empty when the issuer does not publish one. */
    public Optional<PublicKey> key(String kid) {
        PublicKey known = keys.get(kid);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (!keys.containsKey(kid) && (fetchedAt == null || !now.isBefore(fetchedAt.plus(REFETCH)))) {
                keys = parse(fetch.get());
                fetchedAt = now;
            }
            return Optional.ofNullable(keys.get(kid));
        }
    }

    /** RS256 signing keys only; anything else in the set is skipped. */
    static Map<String, PublicKey> parse(String json) {
        JsonNode set = Json.read(json, JsonNode.class);
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
