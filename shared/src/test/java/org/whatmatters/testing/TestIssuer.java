package org.whatmatters.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.json.Json;

/**
 * A token issuer for tests, like a Cognito user pool: an RS256 key, ID tokens for the test people, and
 * (once {@link #serve()}d) its JWKS at {issuer}/.well-known/jwks.json on a local port.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "whatmatters-test";

    private final KeyPair key;
    private final String kid;
    private HttpServer server;
    private String issuer = "https://issuer.test/pool";

    public TestIssuer(String kid) {
        this.kid = kid;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.key = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the JWKS; the issuer becomes http://127.0.0.1:{port}/pool. */
    public TestIssuer serve() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/pool/.well-known/jwks.json", exchange -> {
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/pool";
        return this;
    }

    public String issuer() {
        return issuer;
    }

    public String jwks() {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        ObjectNode k = Json.MAPPER.createObjectNode().put("kty", "RSA").put("kid", kid).put("use", "sig")
                .put("alg", "RS256").put("n", b64(unsigned(pub.getModulus()))).put("e", b64(unsigned(pub.getPublicExponent())));
        ObjectNode set = Json.MAPPER.createObjectNode();
        set.putArray("keys").add(k);
        return Json.write(set);
    }

    /** An ID token with the claims API Gateway would show for {@code person} (a People map), valid for an hour. */
    public String idToken(Map<String, String> person) {
        Map<String, Object> claims = claims(person, Duration.ofHours(1));
        return sign(Map.of("alg", "RS256", "kid", kid, "typ", "JWT"), claims);
    }

    /** The standard claims of an ID token for {@code person}, to change before {@link #sign}ing. */
    public Map<String, Object> claims(Map<String, String> person, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        person.forEach((k, v) -> claims.put(k, k.equals("cognito:groups")
                ? List.of(v.replace("[", "").replace("]", "").split(" ")) : v));
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("token_use", "id");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        return claims;
    }

    public String sign(Map<String, Object> claims) {
        return sign(Map.of("alg", "RS256", "kid", kid, "typ", "JWT"), claims);
    }

    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        String signingInput = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
