package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.demo.DemoPeople;
import org.whatmatters.local.engines.TestCloud;

/**
 * Commissioner summaries end to end on the real template, over real HTTP: the schedules compile them,
 * a commissioner lists their organisation's and downloads them by signed link straight from the
 * bucket (S3Proxy), tampered and expired links are refused, nobody else gets a link, the provider
 * admin reads the audit trail, and no commissioner output of the demo names or identifies anyone.
 * One local cloud for the class; the name scan runs first, on the demo data as seeded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SummariesEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FORMATS = List.of("json", "csv", "html");
    private static final String COMMISSIONER_SUMMARY = "commissioner-summary";
    /**
     * Not names: the demo's made-up family members are called "Family rosa-2" and so on, and
     * "family" is an ordinary word of every summary ("[a family member]", family respondents).
     * Their full names and ids are still scanned.
     */
    private static final Set<String> NOT_NAMES = Set.of("family");

    private static LocalCloud cloud;
    private static String bucket;
    private static String openPeriod;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
        bucket = cloud.bucket("SummariesBucket");
        JsonNode periods = ok(call("GET", "/contracts/ct-ridgeshire/survey-periods", "a-priya", null));
        for (JsonNode p : periods.get("periods")) {
            if (p.get("status").asText().equals("open")) {
                openPeriod = p.get("periodId").asText();
            }
        }
        assertTrue(openPeriod != null, "the demo has an open survey period: " + periods);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    // ---- 1. No commissioner output of the demo names or identifies a person -------------------------

    @Test
    @Order(1)
    void noCommissionerOutputOfTheDemoNamesOrIdentifiesAnyone() throws Exception {
        Map<String, Pattern> names = forbiddenWords();
        assertFalse(names.isEmpty());
        for (String must : List.of("Rosa", "Rosa Bennett", "Bennett", "Amara", "Ben", "Dev", "Hal", "Ivy", "Ken",
                "Maria", "Keith", "c-rosa", "f-maria", "f-rosa-2", "w-amara", "w-dev", "a-priya", "k-keith", "k-ruth")) {
            assertTrue(names.containsKey(must.toLowerCase(Locale.ROOT)), "the scan looks for " + must + ": " + names.keySet());
        }

        Scan scan = scanEveryCommissionerSummary(names);
        assertTrue(scan.summaries().size() >= 3, "the demo's commissioner summaries: " + scan.summaries());
        assertTrue(scan.summaries().contains("cs-" + openPeriod), scan.summaries().toString());
        assertEquals(List.of(), scan.found(), "names or ids in commissioner outputs");
        System.out.printf("name scan: %d commissioner summaries x %d forms, %d names and ids%n",
                scan.summaries().size(), FORMATS.size(), names.size());

        // The stories do reach the commissioner, with the people in them redacted.
        JsonNode current = Json.MAPPER.readTree(download("a-priya", "cs-" + openPeriod, "json").body());
        JsonNode stories = current.at("/impact/stories");
        assertTrue(stories.isArray() && !stories.isEmpty(), "the open period's summary shares stories: " + stories);
        assertTrue(stories.toString().contains("[the person]"), "a demo story names its person, redacted: " + stories);
        for (JsonNode s : stories) {
            assertFalse(s.has("storyId") || s.has("clientId") || s.has("recordedBy"), "no ids in a shared story: " + s);
        }
    }

    // ---- 2. The schedules compile, the catalogue shows it ---------------------------------------------

    @Test
    @Order(2)
    void theSchedulesCompileAndTheCatalogueShowsIt() throws Exception {
        Map<String, JsonNode> before = byId(list("a-priya"));
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
        Set<String> expected = new TreeSet<>(List.of("td-t-north-" + lastMonth, "td-t-south-" + lastMonth));
        for (JsonNode p : ok(call("GET", "/contracts/ct-ridgeshire/survey-periods", "a-priya", null)).get("periods")) {
            if (!LocalDate.parse(p.get("opensOn").asText()).isAfter(lastMonth.atEndOfMonth())
                    && !LocalDate.parse(p.get("closesOn").asText()).isBefore(lastMonth.atDay(1))) {
                expected.add("cs-" + p.get("periodId").asText());
            }
        }

        HttpResponse<String> monthly = runSchedule("MonthlySummaries");
        assertEquals(200, monthly.statusCode(), monthly.body());
        JsonNode result = Json.MAPPER.readTree(monthly.body()).get("result");
        assertEquals("monthly", result.get("run").asText(), monthly.body());
        assertEquals(expected, strings(result.get("compiled")), monthly.body());

        Map<String, JsonNode> after = byId(list("a-priya"));
        for (String id : expected) {
            JsonNode e = after.get(id);
            assertTrue(e != null, id + " is in the catalogue");
            assertEquals("schedule:monthly", e.get("compiledBy").asText(), e.toString());
            assertTrue(Instant.parse(e.get("compiledAt").asText()).isAfter(Instant.parse(before.get(id)
                    .get("compiledAt").asText())), "compiled again: " + before.get(id) + " -> " + e);
        }
        assertEquals(lastMonth.atEndOfMonth().toString(), after.get("td-t-north-" + lastMonth).get("dataThrough").asText());

        // The closed periods already have their final summaries: the period-end run leaves them be.
        HttpResponse<String> periodEnd = runSchedule("PeriodEndSummaries");
        assertEquals(200, periodEnd.statusCode(), periodEnd.body());
        JsonNode ended = Json.MAPPER.readTree(periodEnd.body()).get("result");
        assertEquals("period-end", ended.get("run").asText(), periodEnd.body());
        assertEquals(Set.of(), strings(ended.get("compiled")), periodEnd.body());
        Map<String, JsonNode> finals = byId(list("a-priya"));
        int complete = 0;
        for (JsonNode e : finals.values()) {
            if (e.get("kind").asText().equals(COMMISSIONER_SUMMARY) && e.get("complete").asBoolean()) {
                complete++;
                assertEquals(after.get(e.get("summaryId").asText()).get("compiledAt"), e.get("compiledAt"), e.toString());
                assertEquals(e.get("to").asText(), e.get("dataThrough").asText(), e.toString());
            }
        }
        assertTrue(complete >= 2, "the demo's closed periods: " + finals.keySet());

        assertEquals(404, runSchedule("NoSuchSchedule").statusCode());

        // What the schedule wrote names nobody either.
        assertEquals(List.of(), scanEveryCommissionerSummary(forbiddenWords()).found(),
                "names or ids in commissioner outputs compiled by the schedules");
    }

    // ---- 3. A commissioner lists their organisation's summaries and downloads them ----------------------

    @Test
    @Order(3)
    void aCommissionerListsOnlyTheirOrganisationsSummariesAndDownloadsEachFormBySignedLink() throws Exception {
        List<JsonNode> keiths = list("k-keith");
        assertFalse(keiths.isEmpty(), "Keith has summaries");
        Set<String> expected = new TreeSet<>();
        for (JsonNode e : list("a-priya")) {
            if (e.get("kind").asText().equals(COMMISSIONER_SUMMARY) && e.get("contractId").asText().equals("ct-ridgeshire")) {
                expected.add(e.get("summaryId").asText());
            }
        }
        Set<String> listed = new TreeSet<>();
        for (JsonNode e : keiths) {
            assertEquals(COMMISSIONER_SUMMARY, e.get("kind").asText(), "no team dashboards: " + e);
            assertEquals("ct-ridgeshire", e.get("contractId").asText(), e.toString());
            assertTrue(e.path("compiledBy").isNull() || e.path("compiledBy").isMissingNode(),
                    "who compiled is for provider admins: " + e);
            assertEquals(Set.copyOf(FORMATS), strings(e.get("formats")), e.toString());
            listed.add(e.get("summaryId").asText());
        }
        assertEquals(expected, listed);
        assertTrue(listed.contains("cs-" + openPeriod), listed.toString());
        assertEquals(List.of(), list("k-ruth"), "Eastvale has no summaries");

        String summaryId = "cs-" + openPeriod;
        for (String format : FORMATS) {
            Instant asked = Instant.now().minusSeconds(1);
            HttpResponse<String> r = link("k-keith", summaryId, "{\"format\":\"" + format + "\"}");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("no-store", r.headers().firstValue("cache-control").orElse(""), "a link is a credential");
            JsonNode link = Json.MAPPER.readTree(r.body());
            assertTrue(link.get("linkId").asText().startsWith("ln-"), r.body());
            assertEquals(summaryId, link.get("summaryId").asText());
            assertEquals(format, link.get("format").asText());
            assertEquals(900, link.get("lifetimeSeconds").asInt(), "15 minutes unless asked otherwise");
            Instant issuedAt = Instant.parse(link.get("issuedAt").asText());
            Instant expiresAt = Instant.parse(link.get("expiresAt").asText());
            assertTrue(!issuedAt.isBefore(asked) && !issuedAt.isAfter(Instant.now()), r.body());
            assertEquals(Duration.ofSeconds(900), Duration.between(issuedAt, expiresAt));
            URI url = URI.create(link.get("url").asText());
            assertEquals("http", url.getScheme(), "S3Proxy is plain HTTP locally");
            assertTrue(url.getRawQuery().contains("X-Amz-Signature="), url.toString());

            HttpResponse<byte[]> first = get(url);
            assertEquals(200, first.statusCode(), () -> new String(first.body(), StandardCharsets.UTF_8));
            byte[] stored = cloud.s3().client().getObjectAsBytes(g -> g.bucket(bucket).key(key(url))).asByteArray();
            assertTrue(key(url).startsWith("summaries/" + summaryId + "/"), key(url));
            assertArrayEquals(stored, first.body(), "the link downloads exactly the bytes stored");
            assertArrayEquals(first.body(), get(url).body(), "the link works until it expires");
            first.headers().firstValue("content-disposition").ifPresent(d ->
                    assertTrue(d.contains(summaryId + "." + format), d));
            String text = new String(first.body(), StandardCharsets.UTF_8);
            switch (format) {
                case "json" -> {
                    JsonNode doc = Json.MAPPER.readTree(text);
                    assertEquals(COMMISSIONER_SUMMARY, doc.get("kind").asText());
                    assertEquals(1, doc.get("schemaVersion").asInt());
                    assertEquals(summaryId, doc.get("summaryId").asText());
                    assertEquals("ct-ridgeshire", doc.get("contractId").asText());
                }
                case "csv" -> assertTrue(text.lines().count() > 3 && text.contains(","), text);
                default -> assertTrue(text.toLowerCase(Locale.ROOT).contains("<html"), text);
            }
        }
        // The default form is HTML; a form that does not exist is refused.
        HttpResponse<String> byDefault = link("k-keith", summaryId, null);
        assertEquals(201, byDefault.statusCode(), byDefault.body());
        assertEquals("html", Json.MAPPER.readTree(byDefault.body()).get("format").asText());
        assertEquals(400, link("k-keith", summaryId, "{\"format\":\"pdf\"}").statusCode());
        assertEquals(400, link("k-keith", summaryId, "{\"format\":\"json\",\"lifetimeSeconds\":0}").statusCode());
    }

    // ---- 4. Tampered and expired links are refused by the bucket ------------------------------------

    @Test
    @Order(4)
    void aTamperedOrExpiredLinkIsRefused() throws Exception {
        String summaryId = "cs-" + openPeriod;
        URI url = URI.create(Json.MAPPER.readTree(link("k-keith", summaryId, "{\"format\":\"json\"}").body())
                .get("url").asText());
        assertEquals(200, get(url).statusCode());
        Matcher sig = Pattern.compile("X-Amz-Signature=([0-9a-f]+)").matcher(url.toString());
        assertTrue(sig.find(), url.toString());
        char c = url.toString().charAt(sig.start(1));
        String tampered = url.toString().substring(0, sig.start(1)) + (c == '0' ? '1' : '0')
                + url.toString().substring(sig.start(1) + 1);
        assertNotEquals(url.toString(), tampered);
        HttpResponse<byte[]> refused = get(URI.create(tampered));
        assertEquals(403, refused.statusCode(), () -> new String(refused.body(), StandardCharsets.UTF_8));
        assertFalse(new String(refused.body(), StandardCharsets.UTF_8).contains("\"kind\""), "no summary in a refusal");

        HttpResponse<String> shortLived = link("k-keith", summaryId, "{\"format\":\"csv\",\"lifetimeSeconds\":1}");
        assertEquals(201, shortLived.statusCode(), shortLived.body());
        JsonNode link = Json.MAPPER.readTree(shortLived.body());
        assertEquals(1, link.get("lifetimeSeconds").asInt());
        Thread.sleep(2_200);
        HttpResponse<byte[]> expired = get(URI.create(link.get("url").asText()));
        assertEquals(403, expired.statusCode(), () -> new String(expired.body(), StandardCharsets.UTF_8));
    }

    // ---- 5. Nobody else gets a link to a commissioner's summary -------------------------------------

    @Test
    @Order(5)
    void nobodyElseGetsALinkAndExistenceDoesNotLeak() throws Exception {
        String summaryId = "cs-" + openPeriod;
        for (String who : List.of("k-ruth", "f-maria", "w-amara")) {
            HttpResponse<String> r = link(who, summaryId, "{\"format\":\"json\"}");
            assertEquals(404, r.statusCode(), who + ": " + r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
            assertFalse(r.body().contains("X-Amz") || r.body().contains(bucket), who + ": " + r.body());
            HttpResponse<String> unknown = link(who, "cs-sp-1999-q1", "{\"format\":\"json\"}");
            assertEquals(404, unknown.statusCode(), "an unknown summary looks the same to " + who);
        }
        // A commissioner gets no team dashboard either, though it exists.
        String dashboard = "td-t-north-" + YearMonth.now(ZoneId.of("Europe/London"));
        assertEquals(201, link("a-priya", dashboard, "{\"format\":\"json\"}").statusCode());
        assertEquals(404, link("k-keith", dashboard, "{\"format\":\"json\"}").statusCode());
        // Families and workers do not list summaries; without a token nothing reaches the function.
        assertEquals(403, call("GET", "/summaries", "f-maria", null).statusCode());
        assertEquals(403, call("GET", "/summaries", "w-amara", null).statusCode());
        assertEquals(401, call("GET", "/summaries", null, null).statusCode());
        assertEquals(401, call("POST", "/summaries/" + summaryId + "/links", null, "{}").statusCode());
    }

    // ---- 6. The provider admin sees every link issued ------------------------------------------------

    @Test
    @Order(6)
    void theProviderAdminSeesTheLinksACommissionerWasIssued() throws Exception {
        String summaryId = "cs-" + openPeriod;
        Map<String, JsonNode> issued = new LinkedHashMap<>();
        for (String format : FORMATS) {
            JsonNode l = Json.MAPPER.readTree(link("k-keith", summaryId, "{\"format\":\"" + format + "\"}").body());
            issued.put(l.get("linkId").asText(), l);
        }
        JsonNode audit = ok(call("GET", "/summary-links?limit=100&summaryId=" + summaryId, "a-priya", null));
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        audit.get("items").forEach(i -> seen.put(i.get("linkId").asText(), i));
        for (JsonNode l : issued.values()) {
            JsonNode a = seen.get(l.get("linkId").asText());
            assertTrue(a != null, "the audit trail has " + l + ": " + audit);
            assertEquals("k-keith", a.get("issuedTo").asText());
            assertEquals(summaryId, a.get("summaryId").asText());
            assertEquals(l.get("format").asText(), a.get("format").asText());
            assertEquals("comm-ridgeshire", a.get("organisation").asText());
            assertEquals(Instant.parse(l.get("expiresAt").asText()), Instant.parse(a.get("expiresAt").asText()));
            assertFalse(a.toString().contains("X-Amz-Signature"), "the trail keeps no usable link: " + a);
        }
        // Unfiltered, the trail holds them too, and only provider admins read it.
        Set<String> all = new LinkedHashSet<>();
        ok(call("GET", "/summary-links?limit=100", "a-priya", null)).get("items")
                .forEach(i -> all.add(i.get("linkId").asText()));
        assertTrue(all.containsAll(issued.keySet()), all.toString());
        assertEquals(403, call("GET", "/summary-links", "k-keith", null).statusCode());
        assertEquals(403, call("GET", "/summary-links", "w-amara", null).statusCode());
    }

    // ---- the scan ------------------------------------------------------------------------------------

    private record Scan(List<String> summaries, List<String> found) {
    }

    /** Every commissioner summary in the catalogue, each form downloaded by signed link and scanned. */
    private static Scan scanEveryCommissionerSummary(Map<String, Pattern> names) throws Exception {
        List<String> summaries = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (JsonNode e : list("a-priya")) {
            if (!e.get("kind").asText().equals(COMMISSIONER_SUMMARY)) {
                continue;
            }
            String id = e.get("summaryId").asText();
            summaries.add(id);
            for (String format : FORMATS) {
                HttpResponse<byte[]> r = download("a-priya", id, format);
                assertEquals(200, r.statusCode(), id + "." + format);
                String text = new String(r.body(), StandardCharsets.UTF_8);
                names.forEach((name, pattern) -> {
                    Matcher m = pattern.matcher(text);
                    if (m.find()) {
                        found.add(id + "." + format + " contains \"" + m.group() + "\" (looked for \"" + name
                                + "\"): ..." + around(text, m.start(), m.end()) + "...");
                    }
                });
            }
        }
        // The bucket holds no commissioner output the catalogue does not list.
        Set<String> inBucket = new TreeSet<>();
        cloud.s3().client().listObjectsV2Paginator(l -> l.bucket(bucket).prefix("summaries/")).contents()
                .forEach(o -> inBucket.add(o.key().split("/")[1]));
        assertEquals(new TreeSet<>(summaries), inBucket, "commissioner outputs in the bucket");
        return new Scan(summaries, found);
    }

    /** Every demo person's id, full name and each part of it, as a case-insensitive whole-word pattern. */
    private static Map<String, Pattern> forbiddenWords() {
        Map<String, String> people = DemoPeople.all();
        Set<String> words = new TreeSet<>();
        people.forEach((id, name) -> {
            words.add(id);
            if (name != null && !name.isBlank()) {
                words.add(name.strip());
                for (String part : name.strip().split("\\s+")) {
                    String p = part.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                    if (!p.isEmpty() && !NOT_NAMES.contains(p.toLowerCase(Locale.ROOT))) {
                        words.add(p);
                    }
                }
            }
        });
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String w : words) {
            patterns.put(w.toLowerCase(Locale.ROOT), Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w)
                    + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return patterns;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replaceAll("\\s+", " ");
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    // ---- 7. An EVV export: the provider admin's alone ------------------------------------------------

    @Test
    @Order(7)
    void theProviderAdminAloneExportsEvvAndDownloadsItBySignedLink() throws Exception {
        YearMonth last = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
        String path = "/contracts/ct-ridgeshire/evv-exports";
        String body = "{\"month\":\"" + last + "\"}";
        for (String who : List.of("k-keith", "w-amara", "f-maria")) {
            assertEquals(403, call("POST", path, who, body).statusCode(), who);
        }
        assertEquals(401, call("POST", path, null, body).statusCode());
        String id = ok(call("POST", path, "a-priya", body)).get("summaryId").asText();
        assertEquals("evv-ct-ridgeshire-" + last, id);
        HttpResponse<byte[]> csv = download("a-priya", id, "csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("visit_id,service_type,client_id,client_name,service_date,"), text);
        assertTrue(text.split("\r\n").length > 1, "the demo's visits of last month: " + text);
        for (String who : List.of("k-keith", "k-ruth", "w-amara")) {
            HttpResponse<String> r = link(who, id, "{\"format\":\"csv\"}");
            assertEquals(404, r.statusCode(), who + ": " + r.body());
            assertFalse(r.body().contains("X-Amz"), r.body());
        }
        assertFalse(call("GET", "/summaries?limit=100", "k-keith", null).body().contains(id), "not a commissioner's");
    }

    private static HttpResponse<String> call(String method, String path, String sub, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, sub == null ? null : cloud.token(sub), body);
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.request().uri() + ": " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** Every summary the user may list, following the cursor. */
    private static List<JsonNode> list(String sub) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(call("GET", "/summaries?limit=100" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), sub, null));
            page.get("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> items) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.get("summaryId").asText(), i));
        return m;
    }

    private static HttpResponse<String> link(String sub, String summaryId, String body) throws Exception {
        return call("POST", "/summaries/" + summaryId + "/links", sub, body);
    }

    /** One form of a summary, through a fresh signed link. */
    private static HttpResponse<byte[]> download(String sub, String summaryId, String format) throws Exception {
        HttpResponse<String> r = link(sub, summaryId, "{\"format\":\"" + format + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return get(URI.create(Json.MAPPER.readTree(r.body()).get("url").asText()));
    }

    /** A plain GET, as a browser follows the link: no credentials but the URL. */
    private static HttpResponse<byte[]> get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> runSchedule(String schedule) throws Exception {
        return CloudHttp.runSchedule(cloud, "CompileSummariesFunction", schedule);
    }

    /** The object key of a path-style S3 URL. */
    private static String key(URI url) {
        String path = url.getPath();
        assertTrue(path.startsWith("/" + bucket + "/"), url.toString());
        return path.substring(bucket.length() + 2);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
