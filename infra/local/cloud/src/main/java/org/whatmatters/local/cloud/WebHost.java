package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.whatmatters.json.Json;

/**
 * The web pages (web/) on their own origin, standing in for S3 + CloudFront: the files as they are
 * on disk (edit and reload), {@code /config.json} with this run's endpoints (what the publish
 * script writes in AWS), and the security headers of the template's response headers policy.
 */
final class WebHost implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8", "webmanifest", "application/manifest+json");

    private final HttpServer server;
    private final Path root;
    private final String config;
    private final String policy;

    private WebHost(HttpServer server, Path root, String config, String policy) {
        this.server = server;
        this.root = root;
        this.config = config;
        this.policy = policy;
    }

    /**
     * {@code api}, {@code ws}: the endpoints the pages call; {@code issuer}: where sign-in happens;
     * {@code timeZone}: the provider's, in which the pages show times.
     */
    static WebHost start(Path root, int port, URI api, URI ws, String issuer, String clientId, String timeZone)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        ObjectNode c = Json.MAPPER.createObjectNode().put("apiUrl", api.toString())
                .put("wsUrl", ws == null ? null : ws.toString()).put("environment", "local").put("timeZone", timeZone);
        c.putObject("auth").put("authorizeUrl", issuer + "/oauth2/authorize").put("tokenUrl", issuer + "/oauth2/token")
                .put("logoutUrl", issuer + "/logout").put("clientId", clientId).put("scopes", "openid email profile");
        String wsOrigin = ws == null ? "" : " " + ws.getScheme() + "://" + ws.getAuthority();
        String authOrigin = URI.create(issuer).getScheme() + "://" + URI.create(issuer).getAuthority();
        // The template's policy, with the local endpoints in place of execute-api and the Cognito domain.
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + api.getScheme() + "://" + api.getAuthority() + wsOrigin + " " + authOrigin
                + "; form-action 'self' " + authOrigin + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
        WebHost host = new WebHost(server, root.toAbsolutePath().normalize(), Json.write(c), policy);
        server.createContext("/", host::handle);
        server.start();
        return host;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String origin() {
        return endpoint().toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (path.equals("/config.json")) {
                send(exchange, 200, TYPES.get("json"), config.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = root.resolve((path.endsWith("/") ? path + "index.html" : path).substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-cache");
        h.set("Content-Security-Policy", policy);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }
}
