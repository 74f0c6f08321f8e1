package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.whatmatters.json.Json;

/**
 * Endpoints that exist only in the local cloud: the issuer's discovery document and keys (what
 * Cognito serves in AWS), dev tokens for the demo users, running a scheduled function now, the
 * queues' counts, and publishing to a topic.
 */
final class LocalPages {

    private LocalPages() {
    }

    /** {issuer}/.well-known/openid-configuration and {issuer}/.well-known/jwks.json. */
    static HttpHandler issuer(JwtIssuer issuer) {
        return exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.endsWith("/.well-known/jwks.json")) {
                    send(exchange, 200, issuer.jwks());
                } else if (path.endsWith("/.well-known/openid-configuration")) {
                    ObjectNode doc = Json.MAPPER.createObjectNode().put("issuer", issuer.issuer())
                            .put("jwks_uri", issuer.issuer() + "/.well-known/jwks.json");
                    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
                    send(exchange, 200, Json.write(doc));
                } else {
                    send(exchange, 404, "{\"message\":\"Not Found\"}");
                }
            }
        };
    }

    /**
     * GET /_local/tokens: a fresh dev token per demo user. GET /_local/schedules: the schedules and
     * their next run. POST /_local/schedules/{function}/run[?schedule=Name]: run a scheduled function now.
     * GET /_local/queues: each queue with its URL and counts. POST /_local/topics/{topic}/publish: the
     * body is published to the topic (logical id or name), {@code ?subject=} optional.
     */
    static HttpHandler local(LocalCloud cloud) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                String[] path = exchange.getRequestURI().getPath().substring("/_local/".length()).split("/");
                if (method.equals("GET") && path.length == 1 && path[0].equals("tokens")) {
                    send(exchange, 200, Json.write(DevTokens.json(cloud)));
                } else if (method.equals("GET") && path.length == 1 && path[0].equals("schedules")) {
                    send(exchange, 200, Json.write(cloud.scheduler().describe()));
                } else if (method.equals("POST") && path.length == 3 && path[0].equals("schedules")
                        && path[2].equals("run")) {
                    runNow(exchange, cloud, path[1]);
                } else if (method.equals("GET") && path.length == 1 && path[0].equals("queues")) {
                    send(exchange, 200, Json.write(queues(cloud)));
                } else if (method.equals("POST") && path.length == 3 && path[0].equals("topics")
                        && path[2].equals("publish")) {
                    publish(exchange, cloud, path[1]);
                } else {
                    send(exchange, 404, "{\"message\":\"Not Found\"}");
                }
            }
        };
    }

    private static void runNow(HttpExchange exchange, LocalCloud cloud, String function) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String schedule = query != null && query.startsWith("schedule=") ? query.substring("schedule=".length()) : null;
        try {
            String result = cloud.scheduler().runNow(function, schedule);
            ObjectNode out = Json.MAPPER.createObjectNode().put("function", function);
            out.set("result", result == null || result.isBlank() ? null : Json.MAPPER.readTree(result));
            send(exchange, 200, Json.write(out));
        } catch (IllegalArgumentException e) {
            send(exchange, 404, Json.write(Json.MAPPER.createObjectNode().put("message", e.getMessage())));
        } catch (RuntimeException e) {
            send(exchange, 502, Json.write(Json.MAPPER.createObjectNode().put("message",
                    function + " failed: " + e.getMessage())));
        }
    }


    private static com.fasterxml.jackson.databind.node.ArrayNode queues(LocalCloud cloud) {
        var out = Json.MAPPER.createArrayNode();
        for (QueueSpec q : cloud.queues().specs()) {
            LocalQueues.Counts c = cloud.queues().counts(q.name());
            ObjectNode n = out.addObject().put("name", q.name()).put("logicalId", q.logicalId())
                    .put("url", cloud.queues().url(q.name())).put("arn", q.arn())
                    .put("visible", c.visible()).put("inFlight", c.notVisible()).put("delayed", c.delayed())
                    .put("visibilityTimeout", q.visibilityTimeout());
            if (q.redrive() != null) {
                n.put("deadLetterTargetArn", q.redrive().deadLetterTargetArn())
                        .put("maxReceiveCount", q.redrive().maxReceiveCount());
            }
        }
        return out;
    }

    private static void publish(HttpExchange exchange, LocalCloud cloud, String topic) throws IOException {
        String message = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getQuery();
        String subject = query != null && query.startsWith("subject=")
                ? java.net.URLDecoder.decode(query.substring("subject=".length()), StandardCharsets.UTF_8) : null;
        try {
            String id = cloud.publish(topic, message, subject, java.util.Map.of());
            send(exchange, 200, Json.write(Json.MAPPER.createObjectNode().put("MessageId", id)));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Json.write(Json.MAPPER.createObjectNode().put("message", e.getMessage())));
        }
    }

    /** A JSON answer nothing may cache (tokens, keys, schedules). */
    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
