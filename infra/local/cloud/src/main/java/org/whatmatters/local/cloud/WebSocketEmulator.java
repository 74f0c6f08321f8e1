package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.whatmatters.json.Json;

/**
 * The template's WebSocket API on one local port, with its @connections management API on another:
 * $connect may refuse the handshake, messages are routed by the route selection expression, and
 * $disconnect follows every accepted connection, all with the Lambda proxy events API Gateway sends.
 */
public final class WebSocketEmulator implements AutoCloseable {

    /** API Gateway's limit on a client message (in frames of up to 32 KB) and on a @connections post. */
    static final int MAX_MESSAGE = FrameLimitedDraft.MAX_MESSAGE;
    /** API Gateway closes a connection whose client sent nothing for this long (posts to it do not count). */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** API Gateway closes every connection after this long, however busy. */
    static final Duration MAX_CONNECTION_DURATION = Duration.ofHours(2);

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String CONNECTIONS = "/@connections/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSocketApiSpec api;
    private final Invoker invoker;
    private final Duration idle;
    private final Duration maxAge;
    private final Server server;
    private final HttpServer management;
    private final ScheduledExecutorService reaper =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ws-reaper").factory());
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private WebSocketEmulator(WebSocketApiSpec api, Invoker invoker, int port, HttpServer management,
                              Duration idle, Duration maxAge) {
        this.api = api;
        this.invoker = invoker;
        this.idle = idle;
        this.maxAge = maxAge;
        this.management = management;
        this.server = new Server(new InetSocketAddress("127.0.0.1", port));
    }

    /** Starts the API on {@code port} (0 for any free one); @connections requests are not signature-checked. */
    public static WebSocketEmulator start(WebSocketApiSpec api, Invoker invoker, String region, int port)
            throws IOException {
        return start(api, invoker, region, port, IDLE_TIMEOUT, MAX_CONNECTION_DURATION);
    }

    static WebSocketEmulator start(WebSocketApiSpec api, Invoker invoker, String region, int port,
                                   Duration idle, Duration maxAge) throws IOException {
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        management.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        WebSocketEmulator emulator = new WebSocketEmulator(api, invoker, port, management, idle, maxAge);
        management.createContext("/", emulator::manage);
        management.start();
        emulator.server.start();
        try {
            emulator.server.started.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            emulator.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("WebSocket API " + api.logicalId() + " did not start on port " + port,
                    e instanceof ExecutionException ? e.getCause() : e);
        }
        long tick = Math.clamp(Math.min(idle.toMillis(), maxAge.toMillis()) / 5, 10, 30_000);
        emulator.reaper.scheduleWithFixedDelay(emulator::reap, tick, tick, TimeUnit.MILLISECONDS);
        return emulator;
    }

    /** What a client connects to in AWS: the base followed by /{stage}. */
    public URI stageEndpoint() {
        return URI.create(endpoint() + "/" + api.stage());
    }

    /** The port's base: clients connect to it followed by /{stage} (stageEndpoint). */
    public URI endpoint() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    /** The management API's base, as the SDK's endpointOverride; requests append /@connections/{id}. */
    public URI connectionsEndpoint() {
        return URI.create("http://127.0.0.1:" + management.getAddress().getPort() + "/" + api.stage());
    }

    @Override
    public void close() {
        closing = true;
        reaper.shutdownNow();
        management.stop(0);
        try {
            server.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.values().forEach(s -> s.queue.shutdownNow());
    }

    /** One accepted connection; its events run one at a time, in arrival order, on its own queue. */
    private static final class Session {
        final String id = newId();
        final Instant connectedAt = Instant.now();
        final String sourceIp;
        final String userAgent;
        final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ws-" + id).factory());
        volatile Instant lastActive = connectedAt;
        volatile WebSocket socket;
        volatile int closeCode;
        volatile String closeReason;

        Session(String sourceIp, String userAgent) {
            this.sourceIp = sourceIp;
            this.userAgent = userAgent;
        }

        void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
            socket.close(code, reason);
        }
    }

    private final class Server extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();

        Server(InetSocketAddress address) {
            super(address, List.of(new FrameLimitedDraft()));
            setReuseAddr(true);
            setDaemon(true);
            // API Gateway sends no pings of its own; dead peers go at the idle timeout.
            setConnectionLostTimeout(0);
            setWebSocketFactory(new WebSocketServerFactory() {
                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
                    return new WebSocketImpl(adapter, draft);
                }

                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
                    return new WebSocketImpl(adapter, drafts);
                }

                @Override
                public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
                    return new RefusableChannel(channel);
                }

                @Override
                public void close() {
                }
            });
        }

        /** Runs on the library's decoder thread: $connect decides before the 101 goes out, as in AWS. */
        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                           ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            URI uri;
            try {
                uri = URI.create(request.getResourceDescriptor());
            } catch (IllegalArgumentException e) {
                throw refuse(conn, 400);
            }
            String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
            // As in AWS, a client reaches the API only through its stage.
            if (!path.equals("/" + api.stage()) && !path.equals("/" + api.stage() + "/")) {
                throw refuse(conn, 403);
            }
            if (!api.throttle().admit("$connect")) {
                throw refuse(conn, 429);
            }
            Session session = new Session(conn.getRemoteSocketAddress().getAddress().getHostAddress(),
                    request.hasFieldValue("User-Agent") ? request.getFieldValue("User-Agent") : null);
            String function = api.routes().get("$connect");
            if (function != null) {
                JsonNode result;
                try {
                    result = readTree(invoker.invoke(function, connectEvent(session, request, uri)));
                } catch (Invoker.FunctionError e) {
                    System.err.println("[local-cloud] " + function + " failed: " + e.errorType() + ": " + e.getMessage());
                    throw refuse(conn, 500);
                } catch (RuntimeException e) {
                    System.err.println("[local-cloud] " + function + " failed: " + e);
                    throw refuse(conn, 500);
                }
                int status = result.path("statusCode").asInt(200);
                if (status < 200 || status > 299) {
                    throw refuse(conn, status);
                }
                // The function must echo a chosen subprotocol, or browsers drop the connection.
                String protocol = headerOf(result, "Sec-WebSocket-Protocol");
                if (protocol != null) {
                    response.put("Sec-WebSocket-Protocol", protocol);
                }
            }
            conn.setAttachment(session);
            return response;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            Session session = conn.getAttachment();
            session.socket = conn;
            sessions.put(session.id, session);
            System.err.println("[local-cloud] " + api.logicalId() + " connect " + session.id);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            Session session = conn.getAttachment();
            session.lastActive = Instant.now();
            enqueue(session, () -> route(session, message));
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            // API Gateway does not take binary frames from clients: it disconnects them.
            conn.close(CloseFrame.REFUSE, "Binary frames are not supported");
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata frame) {
            if (conn.getAttachment() instanceof Session session) {
                session.lastActive = Instant.now();
            }
            super.onWebsocketPing(conn, frame);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (!(conn.getAttachment() instanceof Session session) || sessions.remove(session.id) == null) {
                return;
            }
            int status = session.closeReason != null ? session.closeCode : code;
            String why = session.closeReason != null ? session.closeReason : reasonFor(code, reason);
            System.err.println("[local-cloud] " + api.logicalId() + " disconnect " + session.id + " " + status
                    + " " + why);
            String function = api.routes().get("$disconnect");
            if (function != null && !closing) {
                enqueue(session, () -> invoke(function, disconnectEvent(session, status, why)));
            }
            session.queue.shutdown();
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.completeExceptionally(ex);
            }
        }

        @Override
        public void onStart() {
            started.complete(null);
        }
    }

    private static InvalidDataException refuse(WebSocket conn, int status) {
        if (conn instanceof WebSocketImpl impl && impl.getChannel() instanceof RefusableChannel channel) {
            channel.refuse(status);
        }
        return new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused with " + status);
    }

    /**
     * Java-WebSocket answers every refused handshake with "404 WebSocket Upgrade Failure"; this
     * channel sends the status API Gateway would (the one $connect returned) in its place.
     */
    private static final class RefusableChannel implements ByteChannel {
        private final SocketChannel channel;
        private volatile ByteBuffer refusal;

        RefusableChannel(SocketChannel channel) {
            this.channel = channel;
        }

        void refuse(int status) {
            String reason = switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                default -> "Error";
            };
            refusal = ByteBuffer.wrap(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer r = refusal;
            if (r == null) {
                return channel.write(src);
            }
            channel.write(r);
            if (r.hasRemaining()) {
                return 0;
            }
            int skipped = src.remaining();
            src.position(src.limit());
            return skipped;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private void enqueue(Session session, Runnable task) {
        try {
            session.queue.execute(task);
        } catch (RejectedExecutionException e) {
            // The connection is gone or the emulator is closing: as in AWS, late events are dropped.
        }
    }

    /*
     * Integration responses go back to the client only when the route has a RouteResponse, which the
     * template's routes here do not declare; so a function's result is not sent, only API Gateway's
     * own errors are.
     */
    private void route(Session session, String body) {
        String routeKey = selectRoute(body);
        String function = api.routes().get(routeKey);
        if (function == null) {
            routeKey = "$default";
            function = api.routes().get(routeKey);
        }
        String requestId = newId();
        if (function == null) {
            sendError(session, "Forbidden", requestId);
            return;
        }
        if (!api.throttle().admit(routeKey)) {
            sendError(session, "Too Many Requests", requestId);
            return;
        }
        if (!invoke(function, messageEvent(session, routeKey, body, requestId))) {
            sendError(session, "Internal server error", requestId);
        }
    }

    private boolean invoke(String function, String event) {
        try {
            invoker.invoke(function, event);
            return true;
        } catch (Invoker.FunctionError e) {
            System.err.println("[local-cloud] " + function + " failed: " + e.errorType() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("[local-cloud] " + function + " failed: " + e);
        }
        return false;
    }

    private void sendError(Session session, String message, String requestId) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("message", message);
        error.put("connectionId", session.id);
        error.put("requestId", requestId);
        try {
            session.socket.send(Json.write(error));
        } catch (WebsocketNotConnectedException e) {
            // Closed meanwhile: nothing to tell.
        }
    }

    /** Evaluates {@code $request.body.a.b}; anything else, or a body that is not JSON, selects $default. */
    String selectRoute(String body) {
        String expression = api.routeSelectionExpression();
        String prefix = "$request.body.";
        if (expression == null || !expression.startsWith(prefix)) {
            return "$default";
        }
        JsonNode node = readTree(body);
        for (String name : expression.substring(prefix.length()).split("\\.")) {
            node = node.path(name);
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : "$default";
    }

    private String connectEvent(Session session, ClientHandshake request, URI uri) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode headers = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Upgrade")) {
                headers.put(name, request.getFieldValue(name));
            }
        }
        headers.put("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(randomBytes(12)));
        headers.put("X-Forwarded-For", session.sourceIp);
        headers.put("X-Forwarded-Port", String.valueOf(server.getPort()));
        headers.put("X-Forwarded-Proto", "http");
        headers.properties().forEach(h -> multi.putArray(h.getKey()).add(h.getValue()));
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode all = event.putObject("multiValueQueryStringParameters");
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    String name = decode(kv[0]);
                    String value = kv.length > 1 ? decode(kv[1]) : "";
                    single.put(name, value);
                    (all.has(name) ? (ArrayNode) all.get(name)
                            : all.putArray(name)).add(value);
                }
            }
        }
        requestContext(event, session, "$connect", "CONNECT", newId());
        return Json.write(event);
    }

    private String messageEvent(Session session, String routeKey, String body, String requestId) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        requestContext(event, session, routeKey, "MESSAGE", requestId).put("messageId", newId());
        event.put("body", body);
        return Json.write(event);
    }

    private String disconnectEvent(Session session, int status, String reason) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode headers = event.putObject("headers");
        headers.put("Host", domainName());
        headers.put("x-api-key", "");
        headers.put("X-Forwarded-For", "");
        headers.put("x-restapi", "");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.properties().forEach(h -> multi.putArray(h.getKey()).add(h.getValue()));
        ObjectNode ctx = requestContext(event, session, "$disconnect", "DISCONNECT", newId());
        ctx.put("disconnectStatusCode", status);
        ctx.put("disconnectReason", reason);
        return Json.write(event);
    }

    private ObjectNode requestContext(ObjectNode event, Session session, String routeKey, String eventType,
                                      String requestId) {
        Instant now = Instant.now();
        ObjectNode ctx = event.putObject("requestContext");
        ctx.put("routeKey", routeKey);
        ctx.put("eventType", eventType);
        ctx.put("extendedRequestId", requestId);
        ctx.put("requestTime", REQUEST_TIME.format(now));
        ctx.put("messageDirection", "IN");
        ctx.put("stage", api.stage());
        ctx.put("connectedAt", session.connectedAt.toEpochMilli());
        ctx.put("requestTimeEpoch", now.toEpochMilli());
        ObjectNode identity = ctx.putObject("identity");
        if (session.userAgent != null && !eventType.equals("MESSAGE")) {
            identity.put("userAgent", session.userAgent);
        }
        identity.put("sourceIp", session.sourceIp);
        ctx.put("requestId", requestId);
        ctx.put("domainName", domainName());
        ctx.put("connectionId", session.id);
        ctx.put("apiId", api.apiId());
        event.put("isBase64Encoded", false);
        return ctx;
    }

    private String domainName() {
        return "127.0.0.1:" + server.getPort();
    }

    private void reap() {
        Instant now = Instant.now();
        for (Session session : sessions.values()) {
            if (now.isAfter(session.lastActive.plus(idle)) || now.isAfter(session.connectedAt.plus(maxAge))) {
                session.close(CloseFrame.GOING_AWAY, "Going away");
            }
        }
    }

    /** POST sends, GET describes, DELETE closes: /{stage}/@connections/{url-encoded connection id}. */
    private void manage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().replace("%40", "@");
            int at = path.indexOf(CONNECTIONS);
            String prefix = at < 0 ? null : path.substring(0, at);
            if (prefix == null || !(prefix.isEmpty() || prefix.equals("/" + api.stage()))) {
                error(exchange, 403, "ForbiddenException", "Forbidden");
                return;
            }
            Session session = sessions.get(decode(path.substring(at + CONNECTIONS.length())));
            switch (exchange.getRequestMethod().toUpperCase(Locale.ROOT)) {
                case "POST" -> {
                    byte[] data = exchange.getRequestBody().readNBytes(MAX_MESSAGE + 1);
                    if (data.length > MAX_MESSAGE) {
                        error(exchange, 413, "PayloadTooLargeException", "Message too long");
                        return;
                    }
                    if (session == null) {
                        gone(exchange);
                        return;
                    }
                    try {
                        session.socket.send(new String(data, StandardCharsets.UTF_8));
                    } catch (WebsocketNotConnectedException e) {
                        gone(exchange);
                        return;
                    }
                    send(exchange, 200, new byte[0]);
                }
                case "GET" -> {
                    if (session == null) {
                        gone(exchange);
                        return;
                    }
                    ObjectNode info = Json.MAPPER.createObjectNode();
                    info.put("connectedAt", session.connectedAt.truncatedTo(ChronoUnit.MILLIS).toString());
                    ObjectNode identity = info.putObject("identity");
                    identity.put("sourceIp", session.sourceIp);
                    identity.put("userAgent", session.userAgent);
                    info.put("lastActiveAt", session.lastActive.truncatedTo(ChronoUnit.MILLIS).toString());
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    send(exchange, 200, Json.write(info).getBytes(StandardCharsets.UTF_8));
                }
                case "DELETE" -> {
                    if (session == null) {
                        gone(exchange);
                        return;
                    }
                    session.close(CloseFrame.NORMAL, "Connection Closed Normally");
                    send(exchange, 204, new byte[0]);
                }
                default -> error(exchange, 403, "ForbiddenException", "Forbidden");
            }
        }
    }

    /** The SDK maps errors by the x-amzn-ErrorType header; API Gateway's GoneException has a null message. */
    private static void gone(HttpExchange exchange) throws IOException {
        error(exchange, 410, "GoneException", null);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (message == null) {
            body.putNull("message");
        } else {
            body.put("message", message);
        }
        send(exchange, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        boolean empty = body.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String reasonFor(int code, String reason) {
        if (reason != null && !reason.isEmpty()) {
            return reason;
        }
        return switch (code) {
            case CloseFrame.NORMAL -> "Connection Closed Normally";
            case CloseFrame.GOING_AWAY -> "Going away";
            case CloseFrame.NOCODE -> "Client-side close frame status not set";
            case CloseFrame.TOOBIG -> "Message too big";
            case CloseFrame.ABNORMAL_CLOSE -> "Connection was closed abnormally";
            default -> "";
        };
    }

    private static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String headerOf(JsonNode result, String name) {
        for (var h : result.path("headers").properties()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue().asText();
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** API Gateway's ids (connection, request, message) look like "L0SM9cOFvHcCIhw=". */
    private static String newId() {
        return Base64.getUrlEncoder().encodeToString(randomBytes(11));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
