package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.functions.summaries.SummariesApi.CS_CLOSED;
import static org.whatmatters.functions.summaries.SummariesApi.CS_EASTVALE;
import static org.whatmatters.functions.summaries.SummariesApi.CS_OPEN;
import static org.whatmatters.functions.summaries.SummariesApi.NOW;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.SummaryStore;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.json.Json;
import org.whatmatters.testing.People;

/**
 * The scheduled compile (monthly and period-end) and compiling a period on request. Each test has its
 * own fixture: they start from an empty catalogue and bucket.
 */
class CompileTest {

    private final SummariesApi api = new SummariesApi();

    /** Every file in the bucket by key, as hex, so two runs can be compared byte for byte. */
    private Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : api.bucket.keys()) {
            out.put(key, HexFormat.of().formatHex(api.bucket.get(key)));
        }
        return out;
    }

    private SummaryEntry entry(String summaryId) {
        return new SummaryStore(api.table.data()).find(summaryId).orElseThrow();
    }

    private JsonNode document(String key) {
        return Json.read(new String(api.bucket.get(key), StandardCharsets.UTF_8), JsonNode.class);
    }

    @Test
    void periodEndCompilesEveryEndedPeriodOnceAndAgainChangesNothing() {
        Map<String, Object> out = api.compile.handleRequest(Map.of("run", "period-end",
                "scheduledTime", "2026-11-24T01:30:00Z"), null);
        assertEquals("period-end", out.get("run"));
        assertEquals("2026-11-24", out.get("day"));
        assertEquals(Set.of(CS_CLOSED, CS_EASTVALE), Set.copyOf((List<?>) out.get("compiled")));
        assertEquals(List.of("summaries/" + CS_CLOSED + "/summary.csv", "summaries/" + CS_CLOSED + "/summary.html",
                "summaries/" + CS_CLOSED + "/summary.json", "summaries/" + CS_EASTVALE + "/summary.csv",
                "summaries/" + CS_EASTVALE + "/summary.html", "summaries/" + CS_EASTVALE + "/summary.json"),
                api.bucket.keys());
        SummaryEntry closed = entry(CS_CLOSED);
        assertTrue(closed.complete());
        assertEquals("2026-09-30", closed.dataThrough().toString());
        assertEquals("schedule:period-end", closed.compiledBy());
        JsonNode doc = document("summaries/" + CS_CLOSED + "/summary.json");
        assertEquals("commissioner-summary", doc.get("kind").asText());
        assertEquals(CS_CLOSED, doc.get("summaryId").asText());
        assertEquals("2026-09-30", doc.get("dataThrough").asText());
        assertTrue(doc.get("complete").asBoolean());
        assertEquals(closed.files().size(), 3);
        closed.files().forEach(f -> assertEquals(api.bucket.get(f.key()).length, f.bytes(), f::key));

        Map<String, String> before = files();
        var catalogue = api.table.snapshot();
        api.clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), api.schedule("period-end", "2026-11-25T01:30:00Z"), "each ended period once");
        assertEquals(before, files());
        assertEquals(catalogue, api.table.snapshot(), "nothing compiled, nothing rewritten");
    }

    @Test
    void periodEndRecompilesAnEndedPeriodWhoseSummaryIsNotFinalAndOnlyThat() {
        // Q3 compiled on request half way through, so its summary is not final.
        api.clock.set(Instant.parse("2026-09-15T12:00:00Z"));
        SummariesApi.Reply early = api.expect(200, SummariesApi.compilePeriod(People.PRIYA, SummariesApi.CLOSED));
        assertEquals("2026-09-15", early.json().get("dataThrough").asText());
        assertFalse(early.json().get("complete").asBoolean());
        api.clock.set(NOW);
        // The monthly run of 1 November leaves Eastvale's October final, Q4 as of October's end.
        assertEquals(Set.of("td-t-north-2026-10", "td-t-south-2026-10", CS_OPEN, CS_EASTVALE),
                Set.copyOf(api.schedule("monthly", "2026-11-01T02:00:00Z")));
        assertTrue(entry(CS_EASTVALE).complete());
        Instant eastvaleCompiled = entry(CS_EASTVALE).compiledAt();
        byte[] eastvale = api.bucket.get("summaries/" + CS_EASTVALE + "/summary.html");

        api.clock.advance(Duration.ofHours(1));
        assertEquals(List.of(CS_CLOSED), api.schedule("period-end", "2026-11-24T01:30:00Z"),
                "not the open Q4, not the upcoming Q1, not Eastvale's final October");
        SummaryEntry closed = entry(CS_CLOSED);
        assertTrue(closed.complete());
        assertEquals("2026-09-30", closed.dataThrough().toString());
        assertEquals("2026-09-30", document("summaries/" + CS_CLOSED + "/summary.json").get("dataThrough").asText());
        assertEquals(eastvaleCompiled, entry(CS_EASTVALE).compiledAt());
        assertEquals(HexFormat.of().formatHex(eastvale),
                HexFormat.of().formatHex(api.bucket.get("summaries/" + CS_EASTVALE + "/summary.html")));
        assertFalse(entry(CS_OPEN).complete());
    }

    @Test
    void theMonthlyRunCompilesLastMonthsDashboardsAndOverlappingPeriodsWithTheSameBytesEachTime() {
        List<String> compiled = api.schedule("monthly", "2026-12-01T02:00:00Z");
        assertEquals(Set.of("td-t-north-2026-11", "td-t-south-2026-11", CS_OPEN), Set.copyOf(compiled));
        assertEquals(List.of("dashboards/t-north/2026-11/dashboard.csv", "dashboards/t-north/2026-11/dashboard.html",
                "dashboards/t-north/2026-11/dashboard.json", "dashboards/t-south/2026-11/dashboard.csv",
                "dashboards/t-south/2026-11/dashboard.html", "dashboards/t-south/2026-11/dashboard.json",
                "summaries/" + CS_OPEN + "/summary.csv", "summaries/" + CS_OPEN + "/summary.html",
                "summaries/" + CS_OPEN + "/summary.json"), api.bucket.keys());
        SummaryEntry open = entry(CS_OPEN);
        assertEquals("2026-11-30", open.dataThrough().toString(), "as it stood at November's end");
        assertFalse(open.complete());
        assertEquals("schedule:monthly", open.compiledBy());
        JsonNode north = document("dashboards/t-north/2026-11/dashboard.json");
        assertEquals("team-dashboard", north.get("kind").asText());
        assertEquals("2026-11", north.get("month").asText());
        assertEquals(3, north.get("teamSize").asInt());
        Instant first = open.compiledAt();

        Map<String, String> before = files();
        api.clock.advance(Duration.ofMinutes(5));
        assertEquals(Set.copyOf(compiled), Set.copyOf(api.schedule("monthly", "2026-12-01T02:00:00Z")));
        assertEquals(before, files(), "the same data and day give the same bytes");
        assertNotEquals(first, entry(CS_OPEN).compiledAt(), "the catalogue records the later compile");
    }

    @Test
    void theDayIsTheScheduledTimesInTheProvidersZone() {
        // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST): May is compiled. An EventBridge rule's
        // "time" serves when there is no scheduledTime.
        Map<String, Object> out = api.compile.handleRequest(Map.of("run", "monthly", "time", "2026-05-31T23:30:00Z"),
                null);
        assertEquals("2026-06-01", out.get("day"));
        assertEquals(Set.of("td-t-north-2026-05", "td-t-south-2026-05"), Set.copyOf((List<?>) out.get("compiled")),
                "no survey period overlaps May");

        Map<String, Object> now = api.compile.handleRequest(Map.of("run", "monthly"), null);
        assertEquals("2026-11-23", now.get("day"), "without a time: today");
        assertTrue(((List<?>) now.get("compiled")).contains("td-t-north-2026-10"));
    }

    @Test
    void anUnknownRunOrTimeIsRefusedAndWritesNothing() {
        var table = api.table.snapshot();
        for (Map<String, Object> event : List.<Map<String, Object>>of(Map.of("run", "weekly",
                "scheduledTime", "2026-12-01T02:00:00Z"), Map.of("scheduledTime", "2026-12-01T02:00:00Z"),
                Map.of("run", "monthly", "scheduledTime", "first of December"),
                Map.of("run", "period-end", "scheduledTime", "2026-12-01"))) {
            assertThrows(IllegalArgumentException.class, () -> api.compile.handleRequest(event, null),
                    event::toString);
        }
        assertEquals(List.of(), api.bucket.keys());
        assertEquals(table, api.table.snapshot());
    }

    @Test
    void theAdminCompilesAnOpenPeriodWithTheDataUpToToday() {
        api.compileAsSchedulesWould();
        api.clock.advance(Duration.ofMinutes(10));
        SummariesApi.Reply r = api.expect(200, SummariesApi.compilePeriod(People.PRIYA, SummariesApi.OPEN));
        assertEquals("application/json", r.contentType());
        JsonNode view = r.json();
        assertEquals(CS_OPEN, view.get("summaryId").asText());
        assertEquals("commissioner-summary", view.get("kind").asText());
        assertEquals("2026-11-23", view.get("dataThrough").asText());
        assertFalse(view.get("complete").asBoolean());
        assertEquals("a-priya", view.get("compiledBy").asText());
        assertEquals(api.clock.instant(), Instant.parse(view.get("compiledAt").asText()));
        assertEquals("2026-11-23", document("summaries/" + CS_OPEN + "/summary.json").get("dataThrough").asText());

        SummariesApi.Reply keith = api.expect(200, SummariesApi.list(People.KEITH).query("limit", "1"));
        assertEquals(CS_OPEN, keith.json().at("/items/0/summaryId").asText());
        assertEquals("2026-11-23", keith.json().at("/items/0/dataThrough").asText(), "the commissioner sees it at once");

        SummariesApi.Reply closed = api.expect(200, SummariesApi.compilePeriod(People.PRIYA, SummariesApi.CLOSED));
        assertTrue(closed.json().get("complete").asBoolean());
        assertEquals("2026-09-30", closed.json().get("dataThrough").asText());
    }

    @Test
    void anUpcomingPeriodIs409AndAnUnknownOne404WithNothingWritten() {
        api.compileAsSchedulesWould();
        List<String> files = api.bucket.keys();
        SummariesApi.Reply r = api.expectRejected(SummariesApi.compilePeriod(People.PRIYA, SummariesApi.UPCOMING),
                409, null);
        assertTrue(r.json().get("detail").asText().contains("2027-01-01"), r::body);
        api.expectRejected(SummariesApi.compilePeriod(People.PRIYA, "sp-unknown"), 404, null);
        // a malformed id on a write is a bad request
        api.expectRejected(SummariesApi.compilePeriod(People.PRIYA, "sp 2026/q4"), 400, "periodId");
        assertEquals(files, api.bucket.keys());
    }

    @Test
    void aRetriedCompileWithAnIdempotencyKeyIsReplayed() {
        var event = SummariesApi.compilePeriod(People.PRIYA, SummariesApi.OPEN).header("Idempotency-Key", "compile-1");
        SummariesApi.Reply first = api.expect(200, event);
        api.clock.advance(Duration.ofMinutes(1));
        SummariesApi.Reply again = api.expect(200, event);
        assertEquals("true", again.headers().get("idempotent-replayed"));
        assertEquals(first.json(), again.json());
        assertEquals(first.json().get("compiledAt"), Json.read(Json.write(entry(CS_OPEN).compiledAt()),
                JsonNode.class), "compiled once");
    }
}
