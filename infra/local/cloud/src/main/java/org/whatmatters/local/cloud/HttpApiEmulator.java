package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.whatmatters.json.Json;

/**
 * The template's HTTP API on one local port: routes from the functions' HttpApi events, the JWT
 * authorizer run before any function, payload format 2.0 events, and the response mapped back.
 */
public final class HttpApiEmulator implements AutoCloseable {

    static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/javascript");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final String stagePath;
    private final RouteTable routes;
    private final Invoker invoker;
    private final JwtIssuer issuer;
    private final String region;
    private final Cors cors;

    private HttpApiEmulator(HttpServer server, String stagePath, RouteTable routes, Invoker invoker, JwtIssuer issuer,
                            String region, Cors cors) {
        this.server = server;
        this.stagePath = stagePath;
        this.routes = routes;
        this.invoker = invoker;
        this.issuer = issuer;
        this.region = region;
        this.cors = cors;
    }

    /**
     * {@code webOrigin} (may be null) is the local web host's origin: allowed by CORS beside the
     * template's own origins, as the distribution's domain is in AWS.
     */
    public static HttpApiEmulator start(Stack stack, Invoker invoker, JwtIssuer issuer, String region, int port,
                                        String webOrigin) throws IOException {
        RouteTable routes = new RouteTable();
        for (FunctionSpec f : stack.functions()) {
            for (EventSource.HttpRoute r : f.events(EventSource.HttpRoute.class)) {
                HttpApiSpec api = stack.httpApis().stream().filter(a -> a.apiId().equals(r.apiId())).findFirst()
                        .orElse(new HttpApiSpec(r.apiId(), r.apiId(), "$default", null, null, List.of(), null,
                                Throttle.NONE));
                routes.add(new RouteTable.Entry(f.logicalId(), api, r));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // One port serves every HTTP API, so the first CORS configuration answers for all of them.
        Cors cors = stack.httpApis().stream().map(HttpApiSpec::cors).filter(java.util.Objects::nonNull).findFirst()
                .map(c -> webOrigin == null ? c : c.withOrigin(webOrigin)).orElse(null);
        HttpApiEmulator emulator = new HttpApiEmulator(server, stagePath(stack), routes, invoker, issuer, region, cors);
        server.createContext("/", emulator::handle);
        server.start();
        return emulator;
    }

    /** The API's URL as the template's output gives it: with the stage, unless that is $default. */
    public URI endpoint() {
        return URI.create(origin() + stagePath);
    }

    /** "/dev" for a stage named dev; empty for $default. One port serves every HTTP API: the first one's. */
    static String stagePath(Stack stack) {
        String stage = stack.httpApis().stream().map(HttpApiSpec::stage).findFirst().orElse("$default");
        return stage.equals("$default") ? "" : "/" + stage;
    }

    /** The port's root, where the local-only pages are mounted beside the API. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves local-only pages (tokens, JWKS, the web pages) beside the API, under their own prefix. */
    public void mount(String prefix, HttpHandler handler) {
        server.createContext(prefix, handler);
    }

    public List<String> routeKeys() {
        return routes.entries().stream().map(e -> e.route().routeKey() + " -> " + e.functionId()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, Map.of("content-type", List.of("application/json")),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (!path.equals(stagePath) && !path.startsWith(stagePath + "/")) {
                // Outside the stage nothing answers, not even CORS preflight.
                send(exchange, 404, json(), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (cors != null && origin != null) {
                String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
                if (method.equals("OPTIONS") && asked != null) {
                    Map<String, String> allowed = cors.preflight(origin, asked,
                            exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers"));
                    Map<String, List<String>> h = new LinkedHashMap<>();
                    if (allowed != null) {
                        allowed.forEach((k, v) -> h.put(k, List.of(v)));
                    }
                    send(exchange, 204, h, new byte[0]);
                    return;
                }
                if (cors.allows(origin)) {
                    cors.responseHeaders(origin).forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                }
            }
            Optional<RouteTable.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                send(exchange, 404, json(), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            RouteTable.Entry entry = match.get().entry();
            if (!entry.api().throttle().admit(entry.route().routeKey())) {
                send(exchange, 429, json(), "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> claims = null;
            String authorizer = entry.route().authorizer() != null ? entry.route().authorizer()
                    : entry.api().defaultAuthorizer();
            if (authorizer != null && !authorizer.equals("NONE")) {
                claims = authorize(exchange, entry.api()).orElse(null);
                if (claims == null) {
                    Map<String, List<String>> h = json();
                    h.put("www-authenticate", List.of("Bearer"));
                    send(exchange, 401, h, "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            String event = event(exchange, entry, match.get().pathParameters(), claims, body);
            String result;
            try {
                result = invoker.invoke(entry.functionId(), event);
            } catch (Invoker.FunctionError e) {
                System.err.println("[local-cloud] " + entry.functionId() + " failed: " + e.errorType() + ": "
                        + e.getMessage());
                send(exchange, 500, json(), "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, result);
        }
    }

    private Optional<Map<String, String>> authorize(HttpExchange exchange, HttpApiSpec api) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        return issuer.verify(token, api.issuer(), api.audiences());
    }

    private String event(HttpExchange exchange, RouteTable.Entry entry, Map<String, String> pathParameters,
                         Map<String, String> claims, byte[] body) {
        URI uri = exchange.getRequestURI();
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", "2.0");
        String routeKey = entry.route().path().equals("$default") ? "$default" : entry.route().routeKey();
        e.put("routeKey", routeKey);
        e.put("rawPath", uri.getRawPath());
        e.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        ObjectNode headers = e.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";")).forEach(c -> cookies.add(c.strip())));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            cookies.forEach(c::add);
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        Instant now = Instant.now();
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", Resolver.ACCOUNT);
        ctx.put("apiId", entry.api().apiId());
        if (claims != null) {
            ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putNull("scopes");
        }
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1");
        ctx.put("domainName", host);
        ctx.put("domainPrefix", host.split("[.:]")[0]);
        ObjectNode http = ctx.putObject("http");
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", entry.api().stage());
        ctx.put("time", REQUEST_TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        return Json.write(e);
    }

    /** Payload format 2.0: a result with statusCode is a response; anything else is a 200 JSON body. */
    private void respond(HttpExchange exchange, String result) throws IOException {
        JsonNode out = Json.read(result, JsonNode.class);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (out == null || !out.isObject() || !out.has("statusCode")) {
            headers.put("content-type", List.of("application/json"));
            byte[] bytes = out != null && out.isTextual() ? out.asText().getBytes(StandardCharsets.UTF_8)
                    : result.getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, headers, bytes);
            return;
        }
        out.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                List.of(h.getValue().asText())));
        out.path("multiValueHeaders").properties().forEach(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey().toLowerCase(Locale.ROOT), values);
        });
        // API Gateway ignores CORS headers a function returns: its own configuration answers.
        headers.keySet().removeIf(k -> k.startsWith("access-control-"));
        List<String> cookies = new ArrayList<>();
        out.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) {
            headers.put("set-cookie", cookies);
        }
        JsonNode body = out.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : out.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
        send(exchange, out.get("statusCode").asInt(), headers, bytes);
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        exchange.getResponseHeaders().put("apigw-requestid", List.of(UUID.randomUUID().toString()));
        boolean empty = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, List<String>> json() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("content-type", List.of("application/json"));
        return h;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
        return bytes.length > MAX_PAYLOAD ? null : bytes;
    }

    /** Repeated parameters are joined with commas, as API Gateway does in payload 2.0. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String k = decode(kv[0]);
            String v = kv.length > 1 ? decode(kv[1]) : "";
            q.merge(k, v, (a, b) -> a + "," + b);
        }
        return q;
    }

    /** A malformed escape (%zz) is passed on as sent, not refused here. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** HTTP APIs pass only these as text: any other body, or one without a Content-Type, arrives base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.contains(type);
    }
}
