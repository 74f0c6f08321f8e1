package org.whatmatters.local.cloud.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.openqa.selenium.chrome.ChromeDriver;
import org.whatmatters.json.Json;

/**
 * A second DevTools connection to the page chromedriver drives, for what {@code executeCdpCommand} cannot
 * give: events (e.g. {@code ServiceWorker.workerRegistrationUpdated}, which names the registration id that
 * {@code ServiceWorker.deliverPushMessage} needs). Chromium takes several clients per target; the JDK's
 * HTTP client and WebSocket are enough, so no version-bound selenium-devtools module is needed.
 */
final class DevToolsSession implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private DevToolsSession(URI webSocketUrl) {
        this.socket = HTTP.newWebSocketBuilder().buildAsync(webSocketUrl, new Listener()).join();
    }

    /** Connects to the page the driver is on (found by its URL among the browser's page targets). */
    static DevToolsSession page(ChromeDriver driver) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = String.valueOf(options.get("debuggerAddress")).replace("localhost", "127.0.0.1");
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String url = driver.getCurrentUrl();
        for (JsonNode target : Json.MAPPER.readTree(list.body())) {
            if (target.path("type").asText().equals("page") && target.path("url").asText().equals(url)) {
                return new DevToolsSession(URI.create(target.get("webSocketDebuggerUrl").asText()));
            }
        }
        throw new IllegalStateException("no DevTools page target at " + url + ": " + list.body());
    }

    /** Sends a command; answers its result, or fails with the protocol's error. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).join();
        JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Waits for an event named {@code method} whose params pass {@code test}; answers the params. */
    JsonNode awaitEvent(String method, Predicate<JsonNode> test) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        synchronized (events) {
            while (true) {
                for (JsonNode event : events) {
                    if (event.path("method").asText().equals(method) && test.test(event.path("params"))) {
                        return event.path("params");
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + method + " event within " + WAIT + "; had " + events);
                }
                events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** The events so far, for a failure's message. */
    String events() {
        synchronized (events) {
            return events.toString();
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = Json.read(partial.toString(), JsonNode.class);
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else {
                    synchronized (events) {
                        events.add(message);
                        events.notifyAll();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
