package org.whatmatters.local.cloud.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.whatmatters.json.Json;
import org.whatmatters.notifications.push.PushKeys;
import org.whatmatters.notifications.push.Vapid;

/**
 * A browser and its push service in one: {@code POST /_local/push-subscriptions} makes a subscription as
 * pushManager.subscribe would (endpoint and keys; the private key stays here), and {@code POST /_local/push/{id}}
 * takes what the sender pushes, checks its VAPID signature against the stack's key and decrypts it with the
 * subscription's keys (RFC 8291), so the outbox holds what the phone would show. An unknown or deleted
 * subscription is 410, as a real push service answers for one that is gone.
 */
public final class PushService implements HttpHandler {

    public static final String SUBSCRIPTIONS = "/_local/push-subscriptions";
    public static final String PUSH = "/_local/push/";

    private final Outbox outbox;
    private final URI origin;
    private final String vapidPublicKey;
    private final Map<String, PushKeys> subscriptions = new ConcurrentHashMap<>();

    public PushService(Outbox outbox, URI origin, String vapidPublicKey) {
        this.outbox = outbox;
        this.origin = origin;
        this.vapidPublicKey = vapidPublicKey;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(SUBSCRIPTIONS) && method.equals("POST")) {
                subscribe(exchange);
            } else if (path.startsWith(PUSH) && method.equals("DELETE")) {
                subscriptions.remove(path.substring(PUSH.length()));
                AwsStandIns.send(exchange, 200, "application/json", "{}");
            } else if (path.startsWith(PUSH) && method.equals("POST")) {
                push(exchange, path.substring(PUSH.length()));
            } else {
                AwsStandIns.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            }
        }
    }

    /** The subscription JSON a browser would give the page, as POST /me/push-subscriptions takes it. */
    private void subscribe(HttpExchange exchange) throws IOException {
        String id = UUID.randomUUID().toString();
        PushKeys keys = PushKeys.generate();
        subscriptions.put(id, keys);
        ObjectNode s = Json.MAPPER.createObjectNode().put("endpoint", origin + PUSH + id);
        s.putNull("expirationTime");
        s.putObject("keys").put("p256dh", keys.p256dh()).put("auth", keys.authBase64());
        AwsStandIns.send(exchange, 201, "application/json", Json.write(s));
    }

    private void push(HttpExchange exchange, String id) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        PushKeys keys = subscriptions.get(id);
        if (keys == null) {
            AwsStandIns.send(exchange, 410, "application/json", "{\"message\":\"subscription gone\"}");
            return;
        }
        if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                || exchange.getRequestHeaders().getFirst("TTL") == null) {
            AwsStandIns.send(exchange, 400, "application/json", "{\"message\":\"Content-Encoding aes128gcm and TTL are required\"}");
            return;
        }
        String signer;
        try {
            signer = Vapid.verify(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    Vapid.audience(origin + PUSH + id), Instant.now());
        } catch (IllegalArgumentException e) {
            AwsStandIns.send(exchange, 401, "application/json", Json.write(Map.of("message", "VAPID: " + e.getMessage())));
            return;
        }
        if (!signer.equals(vapidPublicKey)) {
            AwsStandIns.send(exchange, 403, "application/json", "{\"message\":\"not the key the subscription was made with\"}");
            return;
        }
        if (outbox.failsNow()) {
            AwsStandIns.send(exchange, 503, "application/json", "{\"message\":\"injected fault\"}");
            return;
        }
        JsonNode payload;
        try {
            payload = Json.read(new String(keys.decrypt(body), java.nio.charset.StandardCharsets.UTF_8), JsonNode.class);
        } catch (IllegalArgumentException e) {
            AwsStandIns.send(exchange, 400, "application/json", Json.write(Map.of("message", "cannot decrypt: " + e.getMessage())));
            return;
        }
        String messageId = UUID.randomUUID().toString();
        ObjectNode push = Json.MAPPER.createObjectNode().put("subscriptionId", id)
                .put("urgency", exchange.getRequestHeaders().getFirst("Urgency"))
                .put("ttl", exchange.getRequestHeaders().getFirst("TTL")).put("vapid", "verified");
        push.set("payload", payload);
        outbox.add(new OutboxMessage(messageId, "push", origin + PUSH + id, Instant.now(), payload.path("title").asText(null),
                payload.path("body").asText(null), null, Map.of(), push));
        exchange.getResponseHeaders().set("Location", origin + "/_local/push-messages/" + messageId);
        AwsStandIns.send(exchange, 201, "application/json", "{}");
    }
}
