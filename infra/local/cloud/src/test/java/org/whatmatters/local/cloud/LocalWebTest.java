package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.TestCloud;

/**
 * What the pages rely on, over real HTTP: the web host (files, config.json, security headers), the
 * HTTP API's CORS as the template configures it, and the hosted-UI stand-in's code + PKCE flow.
 */
class LocalWebTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String VERIFIER = "a-pkce-code-verifier-of-forty-three-or-more-characters";
    private static LocalCloud cloud;
    private static String web;
    private static String issuer;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
        web = cloud.webEndpoint().toString();
        issuer = cloud.issuer().issuer();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void theWebHostServesThePagesAndThisRunsConfigurationWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> index = get(web + "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("What Matters"));
        String csp = index.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains(cloud.localEndpoint().toString()), "the pages may call this run's API: " + csp);
        assertEquals("nosniff", index.headers().firstValue("x-content-type-options").orElseThrow());

        JsonNode config = Json.MAPPER.readTree(get(web + "/config.json").body());
        assertEquals(cloud.httpEndpoint().toString(), config.get("apiUrl").asText());
        assertTrue(config.get("wsUrl").asText().endsWith("/dev"), "the stage, as in AWS: " + config);
        assertEquals(issuer + "/oauth2/authorize", config.at("/auth/authorizeUrl").asText());
        assertEquals(LocalCloud.AUDIENCE, config.at("/auth/clientId").asText());
        assertEquals("Europe/London", config.get("timeZone").asText(), "the template's ProviderTimeZone");

        assertEquals("text/javascript; charset=utf-8",
                get(web + "/js/family.js").headers().firstValue("content-type").orElseThrow());
        // The family page's manifest and service worker: their types, and nothing in the policy keeps them out
        // (worker-src falls back to script-src 'self', manifest-src to default-src 'self').
        HttpResponse<String> manifest = get(web + "/manifest.webmanifest");
        assertEquals("application/manifest+json", manifest.headers().firstValue("content-type").orElseThrow());
        assertEquals("/family.html", Json.MAPPER.readTree(manifest.body()).get("start_url").asText());
        assertEquals("text/javascript; charset=utf-8", get(web + "/sw.js").headers().firstValue("content-type")
                .orElseThrow(), "a service worker is registered only when served as JavaScript");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && !csp.contains("worker-src")
                && !csp.contains("manifest-src"), csp);
        assertEquals(404, get(web + "/missing.html").statusCode());
        assertEquals(404, get(web + "/..%2Ftemplate.yaml").statusCode(), "nothing outside web/");
        assertEquals(404, get(web + "/%2e%2e/pom.xml").statusCode());
    }

    @Test
    void theApiAnswersPreflightsAndResponsesForTheWebOriginOnly() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", web)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), "answered before the authorizer");
        assertEquals(web, preflight.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("access-control-allow-headers").orElseThrow().contains("idempotency-key"));
        assertEquals("600", preflight.headers().firstValue("access-control-max-age").orElseThrow());
        HttpResponse<String> outsideStage = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint() + "/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", web)
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, outsideStage.statusCode(), "outside the stage nothing answers");
        assertTrue(outsideStage.headers().firstValue("access-control-allow-origin").isEmpty());

        HttpResponse<String> evil = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(evil.headers().firstValue("access-control-allow-origin").isEmpty(), "another origin is not allowed");

        HttpResponse<String> unauthorised = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/me"))
                .header("Origin", web).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorised.statusCode());
        assertEquals(web, unauthorised.headers().firstValue("access-control-allow-origin").orElseThrow(),
                "the page can read a 401 and sign in again");
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/me"))
                .header("Origin", web).header("Authorization", "Bearer " + cloud.token("f-maria")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertTrue(me.headers().firstValue("access-control-expose-headers").orElseThrow().contains("location"));
    }

    @Test
    void signingInIsTheCodeFlowWithPkceAndTheTokenWorksOnTheApi() throws Exception {
        String redirect = web + "/signin.html";
        Map<String, String> request = Map.of("response_type", "code", "client_id", LocalCloud.AUDIENCE,
                "redirect_uri", redirect, "state", "s-123", "code_challenge", HostedUi.s256(VERIFIER),
                "code_challenge_method", "S256", "scope", "openid email profile");
        HttpResponse<String> page = get(issuer + "/oauth2/authorize?" + form(request));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("value=\"f-maria\"") && page.body().contains("value=\"k-keith\""));

        String code = pick(request, "f-maria");
        assertEquals(400, token(code, redirect, "the-wrong-verifier-but-long-enough-to-be-a-verifier-x").statusCode());
        assertEquals(400, token(code, redirect, VERIFIER).statusCode(), "a code is spent by any attempt");

        String fresh = pick(request, "f-maria");
        HttpResponse<String> answer = token(fresh, redirect, VERIFIER);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(web, answer.headers().firstValue("access-control-allow-origin").orElseThrow());
        String idToken = Json.MAPPER.readTree(answer.body()).get("id_token").asText();
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/me"))
                .header("Authorization", "Bearer " + idToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("c-rosa", Json.MAPPER.readTree(me.body()).at("/clients/0/clientId").asText());
        assertEquals(400, token(fresh, redirect, VERIFIER).statusCode(), "and never twice");
    }

    @Test
    void theSignInStandInRefusesWhatCognitoWouldRefuse() throws Exception {
        Map<String, String> good = Map.of("response_type", "code", "client_id", LocalCloud.AUDIENCE,
                "redirect_uri", web + "/signin.html", "code_challenge", HostedUi.s256(VERIFIER),
                "code_challenge_method", "S256");
        assertEquals(400, get(issuer + "/oauth2/authorize?" + form(with(good, "redirect_uri",
                "https://evil.example/signin.html"))).statusCode(), "codes go only to the registered origin");
        assertEquals(400, get(issuer + "/oauth2/authorize?" + form(with(good, "client_id", "other"))).statusCode());
        assertEquals(400, get(issuer + "/oauth2/authorize?" + form(with(good, "code_challenge_method", "plain")))
                .statusCode(), "PKCE with S256 only");
        HttpResponse<String> nobody = post(issuer + "/oauth2/authorize", form(with(good, "sub", "u-unknown")));
        assertEquals(400, nobody.statusCode());
        assertEquals(302, get(issuer + "/logout?client_id=" + LocalCloud.AUDIENCE + "&logout_uri="
                + URLEncoder.encode(web + "/", StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, get(issuer + "/logout?logout_uri=https%3A%2F%2Fevil.example%2F").statusCode());
    }

    private static String pick(Map<String, String> request, String sub) throws Exception {
        HttpResponse<String> r = post(issuer + "/oauth2/authorize", form(with(request, "sub", sub)));
        assertEquals(302, r.statusCode(), r.body());
        URI to = URI.create(r.headers().firstValue("location").orElseThrow());
        assertTrue(to.toString().startsWith(request.get("redirect_uri") + "?code="), to.toString());
        Map<String, String> q = HttpApiEmulator.query(to.getRawQuery());
        assertEquals(request.get("state"), q.get("state"));
        assertNull(q.get("id_token"), "only a code travels in the URL");
        return q.get("code");
    }

    private static HttpResponse<String> token(String code, String redirect, String verifier) throws Exception {
        return post(issuer + "/oauth2/token", form(Map.of("grant_type", "authorization_code", "client_id",
                LocalCloud.AUDIENCE, "code", code, "redirect_uri", redirect, "code_verifier", verifier)));
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new java.util.LinkedHashMap<>(base);
        m.put(k, v);
        return m;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
