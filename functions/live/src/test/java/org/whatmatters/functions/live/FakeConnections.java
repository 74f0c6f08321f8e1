package org.whatmatters.functions.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.whatmatters.json.Json;

/**
 * API Gateway's @connections API for handler tests: keeps what is posted to each connection and which
 * were closed (DELETE; a closed one is gone after); a connection may be made to refuse posts (403) or to
 * be gone (410), as the real one answers.
 */
final class FakeConnections implements AutoCloseable {

    static final String STAGE = "dev";

    final Map<String, List<String>> received = new ConcurrentHashMap<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final Set<String> gone = ConcurrentHashMap.newKeySet();
    /** Connections closed with DELETE, in order. */
    final List<String> closed = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeConnections() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/" + STAGE + "/@connections/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                String id = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("DELETE")) {
                    if (gone.contains(id)) {
                        error(exchange, 410, "GoneException");
                    } else if (failing.contains(id)) {
                        error(exchange, 403, "ForbiddenException");
                    } else {
                        closed.add(id);
                        gone.add(id);
                        exchange.sendResponseHeaders(204, -1);
                    }
                } else if (gone.contains(id)) {
                    error(exchange, 410, "GoneException");
                } else if (failing.contains(id)) {
                    error(exchange, 403, "ForbiddenException");
                } else {
                    received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                            .add(new String(body, StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(200, -1);
                }
            }
        });
        server.start();
    }

    private static void error(com.sun.net.httpserver.HttpExchange exchange, int status, String type) throws IOException {
        byte[] body = "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + STAGE;
    }

    /** The types of the messages a connection received, in order. */
    List<String> types(String connectionId) {
        return received.getOrDefault(connectionId, List.of()).stream()
                .map(m -> Json.read(m, com.fasterxml.jackson.databind.JsonNode.class).path("type").asText()).toList();
    }

    List<String> ids(String connectionId) {
        return received.getOrDefault(connectionId, List.of()).stream()
                .map(m -> Json.read(m, com.fasterxml.jackson.databind.JsonNode.class).path("id").asText()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
