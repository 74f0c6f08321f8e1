package org.whatmatters.local.cloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.CollectingListener;
import org.whatmatters.local.cloud.LocalCloud;

/** A family page's or worker's socket on the live API of a running local cloud: keeps what it receives. */
record LiveSocketClient(WebSocket ws, CollectingListener listener) {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static LiveSocketClient open(LocalCloud cloud, String token, String... clientIds) {
        StringBuilder url = new StringBuilder(cloud.webSocketEndpoints().get("LiveApi") + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (String id : clientIds) {
            url.append("&clientId=").append(id);
        }
        CollectingListener listener = new CollectingListener();
        return new LiveSocketClient(HTTP.newWebSocketBuilder().buildAsync(URI.create(url.toString()), listener).join(),
                listener);
    }

    CompletableFuture<Integer> closed() {
        return listener.closed;
    }

    JsonNode next() throws InterruptedException {
        String m = listener.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + WAIT);
        }
        return Json.read(m, JsonNode.class);
    }

    /** The next message of this type, skipping others (the stream may hold earlier updates). */
    JsonNode next(String type) throws InterruptedException {
        for (JsonNode m = next(); ; m = next()) {
            if (type.equals(m.path("type").asText())) {
                return m;
            }
        }
    }

    /**
     * What arrived before the answer to a ping sent now. Posts to one connection arrive in order, so
     * once the stream's fan-out is idle this is everything the socket was sent: no timed wait needed.
     * Assumes no earlier ping is still unanswered.
     */
    List<JsonNode> untilPong() throws InterruptedException {
        send("{\"action\":\"ping\"}");
        List<JsonNode> before = new ArrayList<>();
        for (JsonNode m = next(); !"pong".equals(m.path("type").asText()); m = next()) {
            before.add(m);
        }
        return before;
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
