package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.local.engines.TestCloud;

/**
 * The template's throttles, as the local cloud applies them from its parameters: beyond a route's burst
 * the HTTP API answers 429 before any function runs, and so does the WebSocket stage's $connect.
 */
class ThrottleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")).withDemo(false)
                .withParameters(Map.of("HttpApiRateLimit", "1", "HttpApiBurstLimit", "3",
                        "LiveConnectRateLimit", "1", "LiveConnectBurstLimit", "1")));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void beyondItsBurstARouteIsRefusedWith429AndOtherRoutesAreNot() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(get("/me").statusCode());
        }
        assertEquals(List.of(200, 200, 200), statuses.subList(0, 3), statuses.toString());
        HttpResponse<String> refused = get("/me");
        assertEquals(429, refused.statusCode());
        assertEquals("{\"message\":\"Too Many Requests\"}", refused.body());
        // the limit is each route's own
        assertEquals(200, get("/teams").statusCode());
        // and the bucket refills at the steady rate
        Thread.sleep(1_100);
        assertEquals(200, get("/me").statusCode());
    }

    @Test
    void connectsBeyondTheirBurstAreRefusedWith429() {
        String url = cloud.webSocketEndpoints().get("LiveApi") + "?token="
                + URLEncoder.encode(cloud.token("a-priya"), StandardCharsets.UTF_8);
        WebSocket first = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() { }).join();
        CompletionException e = assertThrows(CompletionException.class,
                () -> HTTP.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() { }).join());
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
        assertEquals(429, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        first.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + path))
                .header("Authorization", "Bearer " + cloud.token("a-priya")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
