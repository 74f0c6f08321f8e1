package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.functions.summaries.SummariesApi.CS_CLOSED;
import static org.whatmatters.functions.summaries.SummariesApi.CS_EASTVALE;
import static org.whatmatters.functions.summaries.SummariesApi.CS_OPEN;
import static org.whatmatters.functions.summaries.SummariesApi.TD_NORTH_OCT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.whatmatters.testing.People;

/**
 * POST /summaries/{summaryId}/links: a signed GET that really downloads the file from S3Proxy (which
 * checks the signature), recorded in the audit trail before it is handed out. One fixture for the
 * class: links only add audit entries, and each test looks at its own.
 */
class LinksTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SummariesApi api;

    @BeforeAll
    static void compiled() {
        api = new SummariesApi().compileAsSchedulesWould();
    }

    @AfterAll
    static void release() {
        api = null;
    }

    static HttpResponse<byte[]> download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL with one character of its signature changed. */
    static String tampered(String url) {
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        assertTrue(at > "X-Amz-Signature=".length(), url);
        char c = url.charAt(at);
        return url.substring(0, at) + (c == '0' ? '1' : '0') + url.substring(at + 1);
    }

    /** The audit entry of one link, as the admin reads it. */
    static JsonNode audited(String summaryId, String linkId) {
        SummariesApi.Reply r = api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", summaryId)
                .query("limit", "100"));
        for (JsonNode i : r.json().get("items")) {
            if (i.get("linkId").asText().equals(linkId)) {
                return i;
            }
        }
        throw new AssertionError("link " + linkId + " is not in the audit trail: " + r.body());
    }

    @Test
    void aCommissionerGetsALinkThatDownloadsTheirSummaryAndTheAdminSeesItAudited() {
        SummariesApi.Reply r = api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, "{\"format\":\"csv\"}"));
        assertEquals("application/json", r.contentType());
        assertEquals("no-store", r.headers().get("cache-control"), "the URL is a bearer credential");
        JsonNode link = r.json();
        assertTrue(link.get("linkId").asText().startsWith("ln-"), link::toString);
        assertEquals(CS_OPEN, link.get("summaryId").asText());
        assertEquals("csv", link.get("format").asText());
        Instant issued = Instant.parse(link.get("issuedAt").asText());
        assertEquals(api.clock.instant(), issued);
        assertEquals(900, link.get("lifetimeSeconds").asInt(), "15 minutes unless asked otherwise");
        assertEquals(issued.plusSeconds(900), Instant.parse(link.get("expiresAt").asText()));
        String url = link.get("url").asText();
        assertTrue(url.contains("/" + api.bucket.name() + "/summaries/" + CS_OPEN + "/summary.csv?"), url);
        assertTrue(url.contains("X-Amz-Expires=900"), url);

        HttpResponse<byte[]> file = download(url);
        assertEquals(200, file.statusCode());
        assertArrayEquals(api.bucket.get("summaries/" + CS_OPEN + "/summary.csv"), file.body());
        assertTrue(file.headers().firstValue("content-disposition").orElse("")
                .contains("filename=\"" + CS_OPEN + ".csv\""), file.headers()::toString);

        JsonNode entry = audited(CS_OPEN, link.get("linkId").asText());
        assertEquals("k-keith", entry.get("issuedTo").asText());
        assertEquals("commissioner", entry.get("role").asText());
        assertEquals("comm-ridgeshire", entry.get("organisation").asText());
        assertEquals("csv", entry.get("format").asText());
        assertEquals(issued, Instant.parse(entry.get("issuedAt").asText()));
        assertEquals(issued.plusSeconds(900), Instant.parse(entry.get("expiresAt").asText()));
        assertFalse(entry.has("url"), "the audit trail keeps who and when, never the credential");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json, summary.json", "csv, summary.csv", "html, summary.html"})
    void everyFormatDownloadsTheBytesStored(String format, String file) {
        SummariesApi.Reply r = api.expect(201, SummariesApi.link(People.KEITH, CS_CLOSED,
                "{\"format\":\"" + format + "\",\"lifetimeSeconds\":60}"));
        assertEquals(60, r.json().get("lifetimeSeconds").asInt());
        HttpResponse<byte[]> got = download(r.json().get("url").asText());
        assertEquals(200, got.statusCode());
        assertArrayEquals(api.bucket.get("summaries/" + CS_CLOSED + "/" + file), got.body());
    }

    @Test
    void withoutABodyTheLinkIsToTheHtmlReportFor15Minutes() {
        SummariesApi.Reply r = api.expect(201, SummariesApi.link(People.RUTH, CS_EASTVALE, null));
        assertEquals("html", r.json().get("format").asText());
        assertEquals(900, r.json().get("lifetimeSeconds").asInt());
        HttpResponse<byte[]> got = download(r.json().get("url").asText());
        assertEquals(200, got.statusCode());
        byte[] stored = api.bucket.get("summaries/" + CS_EASTVALE + "/summary.html");
        assertArrayEquals(stored, got.body());
        assertTrue(new String(stored, StandardCharsets.UTF_8).contains("Eastvale Borough Council"));

        assertEquals(201, api.call(SummariesApi.link(People.RUTH, CS_EASTVALE, "{}")).status(), "{} is the defaults");
    }

    @Test
    void theAdminGetsLinksToAnySummaryAndToTeamDashboards() {
        SummariesApi.Reply r = api.expect(201, SummariesApi.link(People.PRIYA, TD_NORTH_OCT, "{\"format\":\"json\"}"));
        HttpResponse<byte[]> got = download(r.json().get("url").asText());
        assertEquals(200, got.statusCode());
        assertArrayEquals(api.bucket.get("dashboards/t-north/2026-10/dashboard.json"), got.body());
        JsonNode entry = audited(TD_NORTH_OCT, r.json().get("linkId").asText());
        assertEquals("a-priya", entry.get("issuedTo").asText());
        assertEquals("provider-admin", entry.get("role").asText());
        assertEquals("p-riverside", entry.get("organisation").asText());

        assertEquals(201, api.call(SummariesApi.link(People.PRIYA, CS_EASTVALE, "{\"format\":\"csv\"}")).status());
    }

    @Test
    void aTamperedSignatureIsRefusedByS3() {
        String url = api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, "{\"format\":\"json\"}")).json()
                .get("url").asText();
        assertEquals(200, download(url).statusCode());
        assertEquals(403, download(tampered(url)).statusCode());
        // The same signature for another file of the summary does not open it either.
        assertEquals(403, download(url.replace("/summary.json?", "/summary.csv?")).statusCode());
    }

    @Test
    void anExpiredLinkIsRefusedByS3() throws InterruptedException {
        String url = api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, "{\"lifetimeSeconds\":1}")).json()
                .get("url").asText();
        Thread.sleep(2_100);
        assertEquals(403, download(url).statusCode());
    }

    @Test
    void theLongestLifetimeIsLinkMaxSecondsAnHourByDefault() {
        SummariesApi.Reply r = api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN,
                "{\"format\":\"json\",\"lifetimeSeconds\":3600}"));
        assertEquals(3_600, r.json().get("lifetimeSeconds").asInt());
        assertEquals(Instant.parse(r.json().get("issuedAt").asText()).plusSeconds(3_600),
                Instant.parse(r.json().get("expiresAt").asText()));
        assertTrue(r.json().get("url").asText().contains("X-Amz-Expires=3600"));
    }

    @Test
    void linksIssuedOneAfterAnotherAreAuditedNewestFirst() {
        api.clock.advance(Duration.ofMinutes(1));
        String first = api.expect(201, SummariesApi.link(People.RUTH, CS_EASTVALE, "{\"format\":\"json\"}")).json()
                .get("linkId").asText();
        api.clock.advance(Duration.ofMinutes(1));
        String second = api.expect(201, SummariesApi.link(People.PRIYA, CS_EASTVALE, "{\"format\":\"csv\"}")).json()
                .get("linkId").asText();
        SummariesApi.Reply trail = api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", CS_EASTVALE)
                .query("from", api.clock.instant().minusSeconds(61).toString()));
        assertEquals(java.util.List.of(second, first), SummariesApi.ids(trail));

        SummariesApi.Reply all = api.expect(200, SummariesApi.links(People.PRIYA).query("limit", "1"));
        assertEquals(java.util.List.of(second), SummariesApi.ids(all), "the whole trail, newest first");
        assertTrue(all.json().hasNonNull("nextCursor"));
        SummariesApi.Reply next = api.expect(200, SummariesApi.links(People.PRIYA).query("limit", "1")
                .query("cursor", all.json().get("nextCursor").asText()));
        assertEquals(java.util.List.of(first), SummariesApi.ids(next));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsNotGivenTheUrlAgain() {
        var event = SummariesApi.link(People.KEITH, CS_CLOSED, "{\"format\":\"json\"}")
                .header("Idempotency-Key", "5d1c7c2e-retry");
        SummariesApi.Reply first = api.expect(201, event);
        int before = api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", CS_CLOSED)
                .query("limit", "100")).json().get("items").size();
        SummariesApi.Reply retry = api.call(event);
        assertEquals(409, retry.status(), retry::body);
        assertEquals("application/problem+json", retry.contentType());
        assertFalse(retry.body().contains(first.json().get("url").asText()));
        assertEquals(before, api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", CS_CLOSED)
                .query("limit", "100")).json().get("items").size(), "a refused retry issues no link");
    }

    @Test
    void whatACommissionerDownloadsNamesNobody() {
        for (String format : new String[] {"json", "csv", "html"}) {
            String url = api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN,
                    "{\"format\":\"" + format + "\"}")).json().get("url").asText();
            String text = new String(download(url).body(), StandardCharsets.UTF_8);
            if (!format.equals("csv")) {
                assertTrue(text.contains("scones"), () -> "the shared story is in the " + format + " summary");
            }
            for (String name : SummariesApi.NAMES) {
                assertFalse(text.contains(name), () -> name + " appears in the " + format + " summary");
            }
        }
    }

    @Test
    void linkMaxSecondsFromTheEnvironmentBoundsTheLifetime() {
        SummariesApi hour = api.withEnv(Map.of("LINK_MAX_SECONDS", "3600"));
        assertEquals(3_600, hour.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, "{\"lifetimeSeconds\":3600}"))
                .json().get("lifetimeSeconds").asInt());
        hour.expectRejected(SummariesApi.link(People.KEITH, CS_OPEN, "{\"lifetimeSeconds\":3601}"), 400,
                "lifetimeSeconds");

        SummariesApi capped = api.withEnv(Map.of("LINK_MAX_SECONDS", "10000000"));
        assertEquals(604_800, capped.expect(201, SummariesApi.link(People.KEITH, CS_OPEN,
                "{\"lifetimeSeconds\":604800}")).json().get("lifetimeSeconds").asInt(), "SigV4's longest: 7 days");
        capped.expectRejected(SummariesApi.link(People.KEITH, CS_OPEN, "{\"lifetimeSeconds\":604801}"), 400,
                "lifetimeSeconds");

        SummariesApi short_ = api.withEnv(Map.of("LINK_MAX_SECONDS", "300"));
        assertEquals(300, short_.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, null)).json()
                .get("lifetimeSeconds").asInt(), "the default never exceeds the maximum");
    }
}
