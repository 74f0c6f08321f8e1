package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.EventSource;
import org.whatmatters.local.cloud.FunctionSpec;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.validation.Ids;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hardening of issue 14 end to end, on the real template over real HTTP and WebSocket: a story that
 * names its person in folding twins is redacted and its period compiles; a scheduled run with one unit
 * made to fail compiles every other unit and names the failed one; a worker moved out of a team loses its
 * people at once, over HTTP and on the live socket; a connection whose token expires is closed; and every
 * route of the template answers odd ids with a 4xx problem, never a 5xx.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static LocalCloud cloud;

    /** The id sweep sends hundreds of requests a route: the stage's throttle is raised for it (ThrottleTest tests it). */
    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml"))
                .withParameters(Map.of("HttpApiRateLimit", "100000", "HttpApiBurstLimit", "100000")));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    // ---- 1. A story naming its person in folding twins ------------------------------------------------

    @Test
    @Order(1)
    void aStoryNamingThePersonInFoldingTwinsIsRedactedAndItsPeriodCompiles() throws Exception {
        String text = "ROſA went to the market. Ｒｏｓａ Ｂｅｎｎｅｔｔ bought plums; Ro\u0301sa BENNETT\u200B paid. "
                + "roſa’s neighbour at 14 orchard lane (LS6 2AB) says she was born 12/04/1938.";
        HttpResponse<String> story = call("POST", "/clients/c-rosa/stories", cloud.token("f-maria"), """
                {"title":"Roſa at the market","text":%s,"date":"%s","domains":["independence"],
                 "consent":"commissioner-anonymised"}""".formatted(Json.write(text), LocalDate.now(ZoneId.of("Europe/London"))));
        assertEquals(201, story.statusCode(), story.body());

        String period = openPeriod();
        HttpResponse<String> compiled = call("POST", "/survey-periods/" + period + "/summary", cloud.token("a-priya"), null);
        assertEquals(200, compiled.statusCode(), compiled.body());

        for (String format : List.of("json", "csv", "html")) {
            String body = download("cs-" + period, format);
            String folded = fold(body);
            for (String gone : List.of("rosa", "bennett", "orchard lane", "ls6 2ab", "1938")) {
                Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(gone) + "(?![\\p{L}\\p{N}])").matcher(folded);
                assertFalse(m.find(), gone + " in the " + format + ": ..." + (m.hitEnd() ? "" : around(folded, m)));
            }
            if (format.equals("json")) {
                assertTrue(body.contains("[the person] went to the market. [the person] bought plums"), body);
            }
        }
    }

    // ---- 2. A scheduled run with one unit that fails ----------------------------------------------------

    @Test
    @Order(2)
    void aScheduledRunWithOneFailingUnitCompilesEveryOtherAndNamesIt() throws Exception {
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
        AggregateKey south = AggregateKey.teamMonth("t-south", lastMonth);
        var dynamo = cloud.dynamo().client();
        String table = cloud.table("DataTable");
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS(south.pk()), "SK", AttributeValue.fromS(south.sk()));
        Map<String, AttributeValue> original = dynamo.getItem(g -> g.tableName(table).key(key)).item();
        Map<String, AttributeValue> corrupt = new LinkedHashMap<>(original == null || original.isEmpty() ? key : original);
        corrupt.put("visits", AttributeValue.fromN("2.5"));
        List<String> periods = new ArrayList<>();
        for (String contract : List.of("ct-ridgeshire", "ct-eastvale")) {
            for (JsonNode p : json(call("GET", "/contracts/" + contract + "/survey-periods", cloud.token("a-priya"), null))
                    .get("periods")) {
                if (!LocalDate.parse(p.get("opensOn").asText()).isAfter(lastMonth.atEndOfMonth())
                        && !LocalDate.parse(p.get("closesOn").asText()).isBefore(lastMonth.atDay(1))) {
                    periods.add("cs-" + p.get("periodId").asText());
                }
            }
        }
        assertFalse(periods.isEmpty(), "a period overlaps last month");
        dynamo.putItem(p -> p.tableName(table).item(corrupt));
        Instant before = Instant.now();
        try {
            HttpResponse<String> run = CloudHttp.runSchedule(cloud, "CompileSummariesFunction", "MonthlySummaries");
            assertEquals(502, run.statusCode(), "the run fails, so Lambda retries it and the failure queue gets it: "
                    + run.body());
            assertTrue(run.body().contains("td-t-south-" + lastMonth), run.body());
            assertFalse(run.body().contains("td-t-north-" + lastMonth), run.body());

            Map<String, Instant> compiledAt = new TreeMap<>();
            for (JsonNode e : json(call("GET", "/summaries?limit=100", cloud.token("a-priya"), null)).get("items")) {
                compiledAt.put(e.get("summaryId").asText(), Instant.parse(e.get("compiledAt").asText()));
            }
            assertTrue(compiledAt.get("td-t-north-" + lastMonth).isAfter(before), "North's dashboard was compiled");
            for (String summary : periods) {
                assertTrue(compiledAt.get(summary).isAfter(before), summary + " was compiled");
            }
            assertTrue(compiledAt.get("td-t-south-" + lastMonth).isBefore(before), "South's was not: its unit failed");
        } finally {
            if (original == null || original.isEmpty()) {
                dynamo.deleteItem(d -> d.tableName(table).key(key));
            } else {
                dynamo.putItem(p -> p.tableName(table).item(original));
            }
        }
    }

    // ---- 3. A worker moved out of a team ----------------------------------------------------------------

    @Test
    @Order(3)
    void aWorkerMovedOutOfATeamLosesItsPeopleAtOnceOverHttpAndOnTheSocket() throws Exception {
        String amara = cloud.token("w-amara");
        assertEquals(200, call("GET", "/clients/c-rosa/visits?limit=1", amara, null).statusCode());
        LiveSocketClient amaraSocket = LiveSocketClient.open(cloud, amara, "c-rosa");
        LiveSocketClient maria = LiveSocketClient.open(cloud, cloud.token("f-maria"), "c-rosa");

        HttpResponse<String> removed = call("DELETE", "/teams/t-north/members/w-amara", cloud.token("a-priya"), null);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(404, call("GET", "/clients/c-rosa/visits?limit=1", amara, null).statusCode(), "at once");
        assertEquals(404, call("GET", "/clients/c-rosa", amara, null).statusCode());
        HttpResponse<String> moved = call("POST", "/teams/t-south/members", cloud.token("a-priya"),
                "{\"workerId\":\"w-amara\",\"displayName\":\"Amara\"}");
        assertEquals(201, moved.statusCode(), moved.body());
        // Her old token still names North: it narrows, so it reaches neither team; a fresh one reaches South's people.
        assertEquals(404, call("GET", "/clients/c-arthur", amara, null).statusCode());
        String fresh = cloud.issuer().mint("w-amara", List.of("worker"), Map.of("custom:provider_id", "p-riverside",
                "custom:team_id", "t-south"), Duration.ofHours(1));
        assertEquals(200, call("GET", "/clients/c-arthur", fresh, null).statusCode());
        assertEquals(404, call("GET", "/clients/c-rosa", fresh, null).statusCode());

        // Ben plans and starts a visit to Rosa: Maria is told, Amara's open socket hears nothing more.
        String visit = planForRosa(cloud.token("w-ben"));
        assertEquals(200, call("POST", "/visits/" + visit + "/check-in", cloud.token("w-ben"), "{}").statusCode());
        assertEquals(visit, maria.next("visit.started").at("/data/visitId").asText());
        cloud.streams().awaitIdle(LiveSocketClient.WAIT);
        List<JsonNode> amaraHeard = amaraSocket.untilPong();
        assertTrue(amaraHeard.stream().noneMatch(m -> visit.equals(m.at("/data/visitId").asText())),
                "Amara was told after leaving: " + amaraHeard);
        amaraSocket.close();
        maria.close();
    }

    // ---- 4. A connection whose token expires --------------------------------------------------------------

    @Test
    @Order(4)
    void aConnectionWhoseTokenExpiresIsClosed() throws Exception {
        String shortLived = cloud.issuer().mint("f-maria", List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                Duration.ofSeconds(3));
        LiveSocketClient socket = LiveSocketClient.open(cloud, shortLived, "c-rosa");
        assertFalse(socket.closed().isDone());
        Thread.sleep(4_000);
        HttpResponse<String> sweep = CloudHttp.runSchedule(cloud, "ConnectionSweepFunction", null);
        assertEquals(200, sweep.statusCode(), sweep.body());
        // Closed by this run (or, once in sixty, by the minute's own run just before it).
        socket.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(Json.read(sweep.body(), JsonNode.class).at("/result/closed").size() <= 1, sweep.body());
    }

    // ---- 5. Odd ids on every route --------------------------------------------------------------------------

    static final List<String> ODD_IDS = List.of("", "a", "a".repeat(64), "a".repeat(65), "a".repeat(1025),
            "a".repeat(4096), "\u0000", "c-rosa\u0000", "../", "../../etc/passwd", "a b", " c-rosa", "\"c-rosa\"", "c'rosa",
            "😀", "c-rosa😀", "\u200Fc-rosa", "c-rosa\u200E", "%", "#", "c-rosa#CLIENT");

    @Test
    @Order(5)
    void everyRouteAnswersOddIdsInPathsQueriesAndBodiesWithA4xxProblem() throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (FunctionSpec f : cloud.stack().functions()) {
            for (EventSource.HttpRoute r : f.events(EventSource.HttpRoute.class)) {
                if (!r.path().contains("{")) {
                    continue;
                }
                for (String id : ODD_IDS) {
                    for (String caller : List.of("a-priya", "f-maria")) {
                        String path = pathWith(r.path(), id);
                        HttpResponse<String> res = call(r.method(), path, cloud.token(caller),
                                r.method().equals("GET") ? null : "{}");
                        requests++;
                        check(r.routeKey() + " id=" + shown(id) + " as " + caller, res, statuses, wrong, false);
                    }
                }
            }
        }
        // Ids in queries and bodies.
        for (String id : ODD_IDS) {
            String q = encode(id);
            List<HttpResponse<String>> answers = List.of(
                    call("GET", "/summary-links?summaryId=" + q, cloud.token("a-priya"), null),
                    call("GET", "/survey-periods/" + openPeriod() + "/responses/mine?clientId=" + q, cloud.token("f-maria"),
                            null),
                    call("POST", "/clients", cloud.token("a-priya"), "{\"teamId\":" + Json.write(id)
                            + ",\"displayName\":\"Odd\",\"plannedHoursPerWeek\":1}"),
                    call("POST", "/teams/t-north/members", cloud.token("a-priya"), "{\"workerId\":" + Json.write(id)
                            + ",\"displayName\":\"Odd\"}"),
                    call("POST", "/contracts", cloud.token("a-priya"), "{\"commissionerId\":" + Json.write(id)
                            + ",\"commissionerName\":\"Odd\",\"teamIds\":[\"t-north\"],\"startsOn\":\"2026-01-01\","
                            + "\"endsOn\":\"2026-12-31\"}"),
                    call("POST", "/commissioners/comm-ridgeshire/accounts", cloud.token("a-priya"), "{\"sub\":"
                            + Json.write(id) + ",\"displayName\":\"Odd\"}"),
                    call("POST", "/clients/c-rosa/visits", cloud.token("w-ben"), """
                            {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":[%s],
                             "location":{"address":"14 Orchard Lane"}}""".formatted(Instant.now().plusSeconds(600),
                            Instant.now().plusSeconds(4200), Json.write(id))),
                    call("POST", "/survey-periods/" + openPeriod() + "/invitations", cloud.token("a-priya"),
                            "{\"respondents\":[{\"respondentType\":\"family\",\"respondentId\":" + Json.write(id)
                                    + ",\"clientId\":\"c-rosa\"}]}"));
            for (HttpResponse<String> res : answers) {
                requests++;
                // A well-formed id nobody holds may be taken (a new worker's sub, a filter that finds nothing).
                check(res.request().method() + " " + res.request().uri().getRawPath() + " id=" + shown(id), res, statuses,
                        wrong, Ids.valid(id));
            }
        }
        // Every other query parameter of every read, with odd values: never a 5xx, a problem when refused.
        List<String> oddValues = List.of("", "a".repeat(4096), "\u0000", "../", "😀", "%", "2026-13-45", "-1", "1e9",
                "\u200F2026-11-01");
        for (FunctionSpec f : cloud.stack().functions()) {
            for (EventSource.HttpRoute r : f.events(EventSource.HttpRoute.class)) {
                if (!r.method().equals("GET")) {
                    continue;
                }
                for (String name : List.of("from", "to", "limit", "cursor", "since", "month", "summaryId", "clientId")) {
                    for (String value : oddValues) {
                        String path = r.path().replaceAll("\\{[^}]+}", r.path().startsWith("/teams") ? "t-north"
                                : r.path().startsWith("/survey-periods") ? openPeriod() : "c-rosa");
                        HttpResponse<String> res = call("GET", path + "?" + name + "=" + encode(value),
                                cloud.token("a-priya"), null);
                        requests++;
                        check(r.routeKey() + " " + name + "=" + shown(value), res, statuses, wrong, true);
                    }
                }
            }
        }
        System.out.printf("id sweep: %d requests, statuses %s%n", requests, statuses);
        assertEquals(List.of(), wrong, "answers that are not a 4xx problem");
        assertFalse(statuses.keySet().stream().anyMatch(s -> s >= 500));
    }

    /** A 4xx problem; with {@code mayPass}, a 2xx too (but never a 5xx, and a refusal is always a problem). */
    private static void check(String what, HttpResponse<String> res, Map<Integer, Integer> statuses, List<String> wrong,
                              boolean mayPass) {
        statuses.merge(res.statusCode(), 1, Integer::sum);
        boolean problem = res.headers().firstValue("content-type").orElse("").startsWith("application/problem+json");
        boolean passed = mayPass && res.statusCode() / 100 == 2;
        if (!passed && (res.statusCode() < 400 || res.statusCode() > 499 || !problem)) {
            wrong.add(what + " -> " + res.statusCode() + " " + res.body().substring(0, Math.min(200, res.body().length())));
        }
    }

    /** The route's path with {@code id} in its last parameter and plausible ids in the others. */
    private static String pathWith(String template, String id) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(template);
        for (int i = spans.size() - 1; i >= 0; i--) {
            String value = i == spans.size() - 1 ? encode(id) : "c-rosa";
            out.replace(spans.get(i)[0], spans.get(i)[1], value);
        }
        return out.toString();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shown(String id) {
        return id.length() > 20 ? id.substring(0, 8) + "…(" + id.length() + ")" : Json.write(id);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The folding a reader's eye does: compatibility forms, case, accents and invisible characters away. */
    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("[\\p{M}\\p{Cf}]", "")
                .replace('ſ', 's').replace('ı', 'i');
    }

    private static String around(String text, Matcher m) {
        return text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40));
    }

    private static String openPeriod() throws Exception {
        for (JsonNode p : json(call("GET", "/contracts/ct-ridgeshire/survey-periods", cloud.token("a-priya"), null))
                .get("periods")) {
            if (p.get("status").asText().equals("open")) {
                return p.get("periodId").asText();
            }
        }
        throw new AssertionError("the demo has an open survey period");
    }

    private static String download(String summaryId, String format) throws Exception {
        JsonNode link = Json.read(call("POST", "/summaries/" + summaryId + "/links", cloud.token("a-priya"),
                "{\"format\":\"" + format + "\"}").body(), JsonNode.class);
        HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode(), file.body());
        return file.body();
    }

    private static String planForRosa(String token) throws Exception {
        HttpResponse<String> planned = call("POST", "/clients/c-rosa/visits", token, """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-ben"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}"""
                .formatted(Instant.now().plusSeconds(600), Instant.now().plusSeconds(4200)));
        assertEquals(201, planned.statusCode(), planned.body());
        return Json.read(planned.body(), JsonNode.class).get("visitId").asText();
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.request().uri() + ": " + r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, token, body);
    }

}
