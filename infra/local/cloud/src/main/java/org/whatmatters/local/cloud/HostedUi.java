package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.demo.DemoUser;
import org.whatmatters.text.Html;

/**
 * The local stand-in for the Cognito hosted UI: the same OAuth 2.0 authorization-code flow with
 * PKCE (S256) at the same paths ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /logout}),
 * where signing in is picking one of the demo users. It exists only in the local cloud; the pages
 * run the same code against Cognito in AWS.
 */
final class HostedUi {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    /** Cognito's default ID token lifetime. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(String sub, String clientId, String redirectUri, String challenge, Instant expires) {
    }

    private final String clientId;
    private final String redirectOrigin;
    private final Function<String, String> tokens;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** {@code redirectOrigin}: the web host's origin, the only place codes are sent (Cognito's callback URLs). */
    HostedUi(String clientId, String redirectOrigin, Function<String, String> tokens, Clock clock) {
        this.clientId = clientId;
        this.redirectOrigin = redirectOrigin;
        this.tokens = tokens;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.endsWith("/oauth2/authorize") && method.equals("GET")) {
                authorizePage(exchange, HttpApiEmulator.query(exchange.getRequestURI().getRawQuery()));
            } else if (path.endsWith("/oauth2/authorize") && method.equals("POST")) {
                authorize(exchange, form(exchange));
            } else if (path.endsWith("/oauth2/token") && method.equals("POST")) {
                token(exchange, form(exchange));
            } else if (path.endsWith("/logout") && method.equals("GET")) {
                String back = HttpApiEmulator.query(exchange.getRequestURI().getRawQuery()).get("logout_uri");
                if (back == null || !allowedRedirect(back)) {
                    page(exchange, 400, "Sign-out", "<p>Unknown <code>logout_uri</code>.</p>");
                } else {
                    redirect(exchange, back);
                }
            } else {
                page(exchange, 404, "Not found", "<p>Not found.</p>");
            }
        }
    }

    private String checkRequest(Map<String, String> q) {
        if (!"code".equals(q.get("response_type"))) {
            return "response_type must be code";
        }
        if (!clientId.equals(q.get("client_id"))) {
            return "unknown client_id";
        }
        if (q.get("redirect_uri") == null || !allowedRedirect(q.get("redirect_uri"))) {
            return "redirect_uri is not a callback URL of this client";
        }
        if (!"S256".equals(q.get("code_challenge_method")) || q.getOrDefault("code_challenge", "").length() < 43) {
            return "a PKCE code_challenge with code_challenge_method S256 is required";
        }
        return null;
    }

    private boolean allowedRedirect(String uri) {
        return redirectOrigin != null && (uri.equals(redirectOrigin) || uri.startsWith(redirectOrigin + "/"));
    }

    private void authorizePage(HttpExchange exchange, Map<String, String> q) throws IOException {
        String wrong = checkRequest(q);
        if (wrong != null) {
            page(exchange, 400, "Sign-in request refused", "<p>" + Html.escape(wrong) + ".</p>");
            return;
        }
        StringBuilder body = new StringBuilder("""
                <p>This page exists only in the local cloud. In AWS, this is the Cognito hosted UI.</p>
                <form method="post"><fieldset><legend>Sign in as a demo user</legend><ul>""");
        for (DemoUser u : DemoUser.ALL) {
            body.append("<li><button type=\"submit\" name=\"sub\" value=\"").append(Html.escape(u.sub())).append("\">")
                    .append(Html.escape(u.name())).append("</button> <span>").append(Html.escape(u.role())).append(": ")
                    .append(Html.escape(u.description())).append("</span></li>");
        }
        body.append("</ul></fieldset>");
        for (String k : List.of("client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method",
                "response_type", "scope")) {
            if (q.get(k) != null) {
                body.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(Html.escape(q.get(k)))
                        .append("\">");
            }
        }
        page(exchange, 200, "Sign in: What Matters (local)", body.append("</form>").toString());
    }

    private void authorize(HttpExchange exchange, Map<String, String> f) throws IOException {
        String wrong = checkRequest(f);
        if (wrong == null && (f.get("sub") == null || DemoUser.ALL.stream().noneMatch(u -> u.sub().equals(f.get("sub"))))) {
            wrong = "pick a demo user";
        }
        if (wrong != null) {
            page(exchange, 400, "Sign-in request refused", "<p>" + Html.escape(wrong) + ".</p>");
            return;
        }
        Instant now = clock.instant();
        codes.values().removeIf(g -> g.expires().isBefore(now));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        codes.put(code, new Grant(f.get("sub"), f.get("client_id"), f.get("redirect_uri"), f.get("code_challenge"),
                now.plus(CODE_LIFETIME)));
        String to = f.get("redirect_uri") + (f.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + (f.get("state") == null ? "" : "&state=" + URLEncoder.encode(f.get("state"), StandardCharsets.UTF_8));
        redirect(exchange, to);
    }

    private void token(HttpExchange exchange, Map<String, String> f) throws IOException {
        Grant g = f.get("code") == null ? null : codes.remove(f.get("code"));
        String error = null;
        if (!"authorization_code".equals(f.get("grant_type"))) {
            error = "unsupported_grant_type";
        } else if (g == null || g.expires().isBefore(clock.instant()) || !g.clientId().equals(f.get("client_id"))
                || !g.redirectUri().equals(f.get("redirect_uri")) || !g.challenge().equals(s256(f.get("code_verifier")))) {
            error = "invalid_grant";
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (error != null) {
            out.put("error", error);
        } else {
            String token = tokens.apply(g.sub());
            out.put("id_token", token).put("access_token", token).put("token_type", "Bearer")
                    .put("expires_in", TOKEN_LIFETIME.toSeconds());
        }
        // Cognito's token endpoint answers the pages' fetch cross-origin.
        if (redirectOrigin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", redirectOrigin);
        }
        LocalPages.send(exchange, error == null ? 200 : 400, Json.write(out));
    }

    static String s256(String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        return HttpApiEmulator.query(body.replace('+', ' '));
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        // An empty icon: otherwise the browser asks the API's origin for /favicon.ico, which is no page there.
        String html = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title><style>body{font:1rem/1.5 system-ui,sans-serif;color:#1f2933;max-width:40rem;margin:2rem auto;"
                + "padding:0 1rem}ul{list-style:none;padding:0}li{margin:.5rem 0}button{min-height:44px;min-width:8rem;"
                + "font:inherit;background:#1d4f91;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem;cursor:pointer}"
                + "button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}</style></head><body><main><h1>"
                + Html.escape(title) + "</h1>" + body + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
