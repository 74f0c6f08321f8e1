package org.whatmatters.notifications.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.whatmatters.json.Json;

/**
 * The application server's VAPID identity (RFC 8292): a P-256 key pair whose public half the page gives
 * the browser as applicationServerKey, and which signs a short-lived JWT for every push request.
 */
public final class Vapid {

    /** How long a signed token lasts; a push service refuses any over 24 hours (RFC 8292 section 2). */
    static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration LONGEST = Duration.ofHours(24);
    private static final String ES256 = "SHA256withECDSAinP1363Format";
    private static final String HEADER = Base64Url.encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private Vapid(KeyPair keys) {
        this.publicKey = keys.getPublic();
        this.privateKey = keys.getPrivate();
    }

    /**
     * From configuration.
     *
     * @param publicKey base64url of the 65-byte uncompressed point
     * @param privateKey base64url of the 32-byte scalar
     * @throws IllegalArgumentException if either is malformed or they are not one key pair
     */
    public static Vapid of(String publicKey, String privateKey) {
        KeyPair keys = P256.keyPair(Base64Url.decode(publicKey), Base64Url.decode(privateKey));
        byte[] probe = "vapid".getBytes(StandardCharsets.US_ASCII);
        if (!verifies(keys.getPublic(), probe, sign(keys.getPrivate(), probe))) {
            throw new IllegalArgumentException("the VAPID public key is not the private key's");
        }
        return new Vapid(keys);
    }

    /** A new key pair, for local development and tests. */
    public static Vapid generate() {
        return new Vapid(P256.generate());
    }

    /** base64url of the uncompressed point: the applicationServerKey for pushManager.subscribe. */
    public String publicKey() {
        return Base64Url.encode(P256.point(publicKey));
    }

    /** base64url of the scalar, to keep a generated key pair. */
    public String privateKey() {
        return Base64Url.encode(P256.scalar(privateKey));
    }

    /**
     * The Authorization header for a push request: {@code vapid t=<JWT>, k=<public key>}, the JWT for the
     * endpoint's origin, expiring 12 hours from now.
     *
     * @param subject a contact: a mailto: or https: URI
     */
    public String authorization(String endpoint, String subject, Instant now) {
        if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
            throw new IllegalArgumentException("the VAPID subject is a mailto: or https: URI, got " + subject);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience(endpoint));
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("sub", subject);
        String signed = HEADER + "." + Base64Url.encode(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature = sign(privateKey, signed.getBytes(StandardCharsets.US_ASCII));
        return "vapid t=" + signed + "." + Base64Url.encode(signature) + ", k=" + publicKey();
    }

    /** The origin of a push endpoint, the JWT's audience: scheme://host[:port], the port only if not the default. */
    public static String audience(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a push endpoint URL: " + endpoint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("a push endpoint is an http(s) URL with a host: " + endpoint);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /**
     * What a push service checks of a request's Authorization header: an ES256 JWT signed by the key in k,
     * for this audience, not expired and expiring within 24 hours.
     *
     * @return the signer's public key, base64url of its point, to compare with the subscription's
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String verify(String authorization, String expectedAudience, Instant now) {
        Map<String, String> params = parameters(authorization);
        String token = params.get("t");
        String key = params.get("k");
        if (token == null || key == null) {
            throw new IllegalArgumentException("the vapid authorization needs both t (the JWT) and k (the public key)");
        }
        PublicKey signer;
        try {
            signer = P256.publicKey(Base64Url.decode(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("k is not a P-256 public key: " + e.getMessage(), e);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("t is not a signed JWT (three parts)");
        }
        if (!"ES256".equals(json(parts[0], "header").path("alg").asText())) {
            throw new IllegalArgumentException("the JWT is not signed with ES256");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (signature.length != 64 || !verifies(signer, signed, signature)) {
            throw new IllegalArgumentException("the JWT's signature is not k's");
        }
        JsonNode claims = json(parts[1], "claims");
        if (!expectedAudience.equals(claims.path("aud").asText(null))) {
            throw new IllegalArgumentException("the JWT is for " + claims.path("aud").asText("no audience")
                    + ", not " + expectedAudience);
        }
        if (!claims.path("exp").canConvertToLong() || !claims.path("exp").isIntegralNumber()) {
            throw new IllegalArgumentException("the JWT has no expiry (exp in whole seconds)");
        }
        Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
        if (!exp.isAfter(now)) {
            throw new IllegalArgumentException("the JWT expired at " + exp);
        }
        if (exp.isAfter(now.plus(LONGEST))) {
            throw new IllegalArgumentException("the JWT expires at " + exp + ", more than 24 hours ahead");
        }
        return Base64Url.encode(P256.point(signer));
    }

    /** The auth-params of {@code vapid t=..., k=...} (RFC 8292 section 3), quoted or not. */
    private static Map<String, String> parameters(String authorization) {
        String[] schemeAndRest = authorization == null ? new String[0] : authorization.strip().split("\\s+", 2);
        if (schemeAndRest.length != 2 || !schemeAndRest[0].equalsIgnoreCase("vapid")) {
            throw new IllegalArgumentException("not a vapid authorization");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : schemeAndRest[1].split(",")) {
            int eq = param.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("a vapid parameter is not name=value: " + param.strip());
            }
            String value = param.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.put(param.substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode node = Json.MAPPER.readTree(decode(part, what));
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the JWT's " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the JWT's " + what + " is not JSON", e);
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64Url.decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWT's " + what + " is not base64url", e);
        }
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature es256 = Signature.getInstance(ES256);
            es256.initSign(key);
            es256.update(data);
            return es256.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature es256 = Signature.getInstance(ES256);
            es256.initVerify(key);
            es256.update(data);
            return es256.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Vapid[" + publicKey() + "]";
    }
}
