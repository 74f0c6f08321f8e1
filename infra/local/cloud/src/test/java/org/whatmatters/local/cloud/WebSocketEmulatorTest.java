package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

class WebSocketEmulatorTest {

    private static final Map<String, String> ALL_ROUTES = Map.of("$connect", "Connect", "$disconnect", "Disconnect",
            "$default", "Default", "send", "Send");

    record Call(String function, JsonNode event) {
        JsonNode ctx() {
            return event.path("requestContext");
        }
    }

    interface Responder {
        String answer(Call call) throws Invoker.FunctionError;
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile Responder responder = call -> "{\"statusCode\":200}";
    private final Invoker invoker = (function, payload) -> {
        Call call;
        try {
            call = new Call(function, Json.MAPPER.readTree(payload));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        calls.add(call);
        return responder.answer(call);
    };
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocketEmulator emulator;
    private ApiGatewayManagementApiClient management;

    @AfterEach
    void stop() {
        if (management != null) {
            management.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        // Not close(): it waits for every exchange, and a socket the emulator dropped once kept it waiting for good.
        http.shutdownNow();
    }

    private void start(Map<String, String> routes) throws IOException {
        emulator = WebSocketEmulator.start(spec(routes), invoker, "eu-west-2", 0);
    }

    private static WebSocketApiSpec spec(Map<String, String> routes) {
        return new WebSocketApiSpec("Live", "abc123", "$request.body.action", "prod", routes, Throttle.NONE);
    }

    private Call next() throws InterruptedException {
        Call call = calls.poll(5, TimeUnit.SECONDS);
        assertNotNull(call, "no invocation within 5 s");
        return call;
    }

    private Client connect(String pathAndQuery) {
        Client client = new Client();
        client.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(emulator.endpoint() + pathAndQuery), client).join();
        return client;
    }

    private ApiGatewayManagementApiClient management() {
        management = ApiGatewayManagementApiClient.builder()
                .endpointOverride(emulator.connectionsEndpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return management;
    }

    @Test
    void connectEventCarriesQueryHeadersAndContext() throws Exception {
        start(ALL_ROUTES);
        connect("/prod?token=a%2Bb%3D&tag=x&tag=y");
        Call call = next();
        assertEquals("Connect", call.function());
        JsonNode event = call.event();
        assertEquals("a+b=", event.path("queryStringParameters").path("token").asText());
        assertEquals("y", event.path("queryStringParameters").path("tag").asText());
        assertEquals("[\"x\",\"y\"]", event.path("multiValueQueryStringParameters").path("tag").toString());
        assertFalse(event.path("headers").path("Sec-WebSocket-Key").asText().isEmpty());
        assertEquals("13", event.path("multiValueHeaders").path("Sec-WebSocket-Version").path(0).asText());
        assertFalse(event.path("isBase64Encoded").asBoolean(true));
        JsonNode ctx = call.ctx();
        assertEquals("$connect", ctx.path("routeKey").asText());
        assertEquals("CONNECT", ctx.path("eventType").asText());
        assertEquals("IN", ctx.path("messageDirection").asText());
        assertEquals("prod", ctx.path("stage").asText());
        assertEquals("abc123", ctx.path("apiId").asText());
        assertEquals(emulator.endpoint().getAuthority(), ctx.path("domainName").asText());
        assertEquals("127.0.0.1", ctx.path("identity").path("sourceIp").asText());
        assertTrue(ctx.path("connectionId").asText().matches("[A-Za-z0-9_-]{15}="), ctx.toString());
        assertTrue(ctx.path("connectedAt").asLong() > 0 && ctx.path("requestTimeEpoch").asLong() > 0);
        assertFalse(ctx.path("requestId").asText().isEmpty());

        connect("/prod");
        JsonNode bare = next().event();
        assertTrue(bare.path("queryStringParameters").isMissingNode());
    }

    @Test
    void connectRefusedWithTheFunctionsStatusAndNoDisconnect() throws Exception {
        start(ALL_ROUTES);
        responder = call -> "{\"statusCode\":401,\"body\":\"no\"}";
        assertEquals(401, handshakeStatus("/prod?token=bad"));
        responder = call -> {
            throw new Invoker.FunctionError("RuntimeException", "boom", null);
        };
        assertEquals(500, handshakeStatus("/prod"));
        responder = call -> "{\"statusCode\":200}";
        assertEquals(403, handshakeStatus("/other-stage"));
        assertEquals(403, handshakeStatus("/"), "only through the stage");
        assertEquals("Connect", next().function());
        assertEquals("Connect", next().function());
        // A connection opened and closed after them: its $connect and $disconnect come next, none for them.
        Client after = connect("/prod");
        Call connected = next();
        assertEquals("Connect", connected.function());
        after.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        Call disconnected = next();
        assertEquals("Disconnect", disconnected.function(), "no $disconnect for a refused connection");
        assertEquals(connected.ctx().path("connectionId").asText(), disconnected.ctx().path("connectionId").asText());
    }

    private int handshakeStatus(String path) {
        CompletionException e = assertThrows(CompletionException.class, () -> connect(path));
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    @Test
    void noConnectRouteAccepts() throws Exception {
        start(Map.of("$default", "Default"));
        Client client = connect("/prod");
        client.send("hi");
        assertEquals("Default", next().function());
    }

    @Test
    void messagesRouteByActionInOrder() throws Exception {
        start(ALL_ROUTES);
        Client client = connect("/prod");
        String connectionId = next().ctx().path("connectionId").asText();

        client.send("{\"action\":\"send\",\"text\":\"hello\"}");
        Call send = next();
        assertEquals("Send", send.function());
        assertEquals("send", send.ctx().path("routeKey").asText());
        assertEquals("MESSAGE", send.ctx().path("eventType").asText());
        assertEquals(connectionId, send.ctx().path("connectionId").asText());
        assertFalse(send.ctx().path("messageId").asText().isEmpty());
        assertEquals("{\"action\":\"send\",\"text\":\"hello\"}", send.event().path("body").asText());

        responder = call -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
            return "{\"statusCode\":200}";
        };
        client.send("{\"action\":\"unknown\"}");
        client.send("not json");
        for (int i = 0; i < 20; i++) {
            client.send("{\"seq\":" + i + "}");
        }
        Call unknown = next();
        assertEquals("Default", unknown.function());
        assertEquals("$default", unknown.ctx().path("routeKey").asText());
        assertEquals("not json", next().event().path("body").asText());
        for (int i = 0; i < 20; i++) {
            assertEquals("{\"seq\":" + i + "}", next().event().path("body").asText());
        }
    }

    @Test
    void unroutedMessageGetsForbidden() throws Exception {
        start(Map.of("send", "Send"));
        Client client = connect("/prod");
        client.send("{\"action\":\"other\"}");
        JsonNode error = Json.MAPPER.readTree(client.texts.poll(5, TimeUnit.SECONDS));
        assertEquals("Forbidden", error.path("message").asText());
        assertFalse(error.path("connectionId").asText().isEmpty());
        assertFalse(error.path("requestId").asText().isEmpty());
        assertTrue(calls.isEmpty());
    }

    @Test
    void managementApiPostsGetsAndDeletesThroughTheSdk() throws Exception {
        start(ALL_ROUTES);
        Client client = connect("/prod");
        String id = next().ctx().path("connectionId").asText();
        ApiGatewayManagementApiClient api = management();

        api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("{\"hello\":\"world\"}")));
        assertEquals("{\"hello\":\"world\"}", client.texts.poll(5, TimeUnit.SECONDS));

        GetConnectionResponse info = api.getConnection(b -> b.connectionId(id));
        assertEquals("127.0.0.1", info.identity().sourceIp());
        assertTrue(info.identity().userAgent().startsWith("Java-http-client"), info.identity().userAgent());
        assertTrue(info.connectedAt().isBefore(Instant.now().plusSeconds(1)));
        assertNotNull(info.lastActiveAt());

        byte[] tooBig = new byte[WebSocketEmulator.MAX_MESSAGE + 1];
        assertEquals(413, assertThrows(PayloadTooLargeException.class, () -> api.postToConnection(
                b -> b.connectionId(id).data(SdkBytes.fromByteArray(tooBig)))).statusCode());

        api.deleteConnection(b -> b.connectionId(id));
        assertEquals(1000, client.closed.get(5, TimeUnit.SECONDS));
        Call disconnect = next();
        assertEquals("Disconnect", disconnect.function());
        assertEquals("DISCONNECT", disconnect.ctx().path("eventType").asText());
        assertEquals("$disconnect", disconnect.ctx().path("routeKey").asText());
        assertEquals(1000, disconnect.ctx().path("disconnectStatusCode").asInt());
        assertEquals(id, disconnect.ctx().path("connectionId").asText());

        GoneException gone = assertThrows(GoneException.class,
                () -> api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("late"))));
        assertEquals(410, gone.statusCode());
        assertThrows(GoneException.class, () -> api.getConnection(b -> b.connectionId(id)));
    }

    @Test
    void clientCloseInvokesDisconnectWithItsCode() throws Exception {
        start(ALL_ROUTES);
        Client client = connect("/prod");
        next();
        client.socket.sendClose(4000, "bye").join();
        Call disconnect = next();
        assertEquals(4000, disconnect.ctx().path("disconnectStatusCode").asInt());
        assertEquals("bye", disconnect.ctx().path("disconnectReason").asText());
    }

    @Test
    void oversizeClientMessageClosesWith1009() throws Exception {
        start(ALL_ROUTES);
        FrameClient client = frameClient("/prod");
        next();
        String frame = "x".repeat(FrameLimitedDraft.MAX_FRAME);
        for (int sent = 0; sent < WebSocketEmulator.MAX_MESSAGE; sent += frame.length()) {
            client.frame(frame, false);
        }
        client.frame("x", true); // one byte over
        assertEquals(1009, client.closed.get(5, TimeUnit.SECONDS));
        Call disconnect = next();
        assertEquals("Disconnect", disconnect.function());
        assertEquals("Message too big", disconnect.ctx().path("disconnectReason").asText());
    }

    @Test
    void oversizeFrameClosesWith1009() throws Exception {
        start(ALL_ROUTES);
        FrameClient client = frameClient("/prod");
        next();
        client.send("{\"action\":\"send\",\"x\":\"" + "x".repeat(FrameLimitedDraft.MAX_FRAME) + "\"}");
        assertEquals(1009, client.closed.get(5, TimeUnit.SECONDS));
        Call disconnect = next();
        assertEquals("Disconnect", disconnect.function());
        assertEquals(1009, disconnect.ctx().path("disconnectStatusCode").asInt());
        assertEquals("Message too big", disconnect.ctx().path("disconnectReason").asText());
    }

    @Test
    void messageOfSeveralFramesUpToTheLimitArrivesWhole() throws Exception {
        start(ALL_ROUTES);
        FrameClient client = frameClient("/prod");
        next();
        String head = "{\"action\":\"send\",\"x\":\"";
        String tail = "\"}";
        String message = head + "x".repeat(WebSocketEmulator.MAX_MESSAGE - head.length() - tail.length()) + tail;
        int frame = FrameLimitedDraft.MAX_FRAME;
        for (int at = 0; at < message.length(); at += frame) {
            int end = Math.min(message.length(), at + frame);
            client.frame(message.substring(at, end), end == message.length());
        }
        Call send = next();
        assertEquals("Send", send.function());
        assertEquals(message, send.event().path("body").asText());
        assertFalse(client.closed.isDone());
        client.closeBlocking();
    }

    @Test
    void idleConnectionIsClosedGoingAway() throws Exception {
        emulator = WebSocketEmulator.start(spec(ALL_ROUTES), invoker, "eu-west-2", 0,
                Duration.ofMillis(300), Duration.ofSeconds(30));
        Client client = connect("/prod");
        next();
        assertEquals(1001, client.closed.get(5, TimeUnit.SECONDS));
        Call disconnect = next();
        assertEquals(1001, disconnect.ctx().path("disconnectStatusCode").asInt());
        assertEquals("Going away", disconnect.ctx().path("disconnectReason").asText());
    }

    @Test
    void connectionIsClosedAtMaximumAge() throws Exception {
        emulator = WebSocketEmulator.start(spec(ALL_ROUTES), invoker, "eu-west-2", 0,
                Duration.ofSeconds(30), Duration.ofMillis(400));
        Client client = connect("/prod");
        next();
        long opened = System.nanoTime();
        while (!client.closed.isDone() && System.nanoTime() - opened < 5_000_000_000L) {
            client.send("{\"keep\":\"alive\"}");
            Thread.sleep(50);
        }
        assertEquals(1001, client.closed.get(1, TimeUnit.SECONDS));
    }

    @Test
    void startFailsOnABusyPort() throws Exception {
        start(ALL_ROUTES);
        int busy = emulator.endpoint().getPort();
        assertThrows(IOException.class, () -> WebSocketEmulator.start(spec(ALL_ROUTES), invoker, "eu-west-2", busy)
                .close());
    }

    /** A java.net.http client that keeps every text it receives and the close code. */
    private static final class Client extends CollectingListener {
        WebSocket socket;

        void send(String text) {
            socket.sendText(text, true).join();
        }
    }

    private FrameClient frameClient(String path) throws InterruptedException {
        FrameClient client = new FrameClient(URI.create(emulator.endpoint() + path));
        assertTrue(client.connectBlocking(5, TimeUnit.SECONDS), "connected");
        return client;
    }

    /** The JDK's client cuts a message into 16 KB frames; this one sends each frame as the test asks. */
    private static final class FrameClient extends WebSocketClient {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        FrameClient(URI uri) {
            super(uri);
        }

        /** One frame of a text message; the library makes the later ones continuation frames. */
        void frame(String text, boolean last) {
            sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), last);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(code);
        }

        @Override
        public void onError(Exception e) {
        }
    }
}
