package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.functions.summaries.SummariesApi.CS_CLOSED;
import static org.whatmatters.functions.summaries.SummariesApi.CS_EASTVALE;
import static org.whatmatters.functions.summaries.SummariesApi.CS_OPEN;
import static org.whatmatters.functions.summaries.SummariesApi.TD_NORTH_OCT;
import static org.whatmatters.functions.summaries.SummariesApi.TD_SOUTH_OCT;
import static org.whatmatters.functions.summaries.SummariesApi.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.whatmatters.testing.People;

/** GET /summaries: who sees which catalogue entries, in which order, and paging. Reads only: one fixture. */
class ListingTest {

    private static SummariesApi api;

    @BeforeAll
    static void compiled() {
        api = new SummariesApi().compileAsSchedulesWould();
    }

    @AfterAll
    static void release() {
        api = null;
    }

    @Test
    void theAdminSeesEverySummaryAndDashboardNewestFirstByTheLastDayCovered() {
        SummariesApi.Reply r = api.expect(200, SummariesApi.list(People.PRIYA));
        assertEquals(List.of(CS_OPEN, TD_SOUTH_OCT, TD_NORTH_OCT, CS_EASTVALE, CS_CLOSED), ids(r));
        assertTrue(r.json().get("nextCursor") == null || r.json().get("nextCursor").isNull());

        JsonNode open = r.json().at("/items/0");
        assertEquals("commissioner-summary", open.get("kind").asText());
        assertEquals(SummariesApi.RIDGESHIRE, open.get("contractId").asText());
        assertEquals(SummariesApi.OPEN, open.get("periodId").asText());
        assertEquals("2026-10-01", open.get("from").asText());
        assertEquals("2026-12-31", open.get("to").asText());
        assertEquals("2026-10-31", open.get("dataThrough").asText(), "as it stood at October's end");
        assertFalse(open.get("complete").asBoolean());
        assertEquals("[\"json\",\"csv\",\"html\"]", open.get("formats").toString());
        assertEquals("schedule:monthly", open.get("compiledBy").asText(), "the admin sees who compiled it");
        assertFalse(open.toString().contains("summaries/"), "files are reached by signed link, not by key");

        JsonNode dashboard = r.json().at("/items/2");
        assertEquals("team-dashboard", dashboard.get("kind").asText());
        assertEquals(People.NORTH, dashboard.get("teamId").asText());
        assertEquals("2026-10-01", dashboard.get("from").asText());
        assertTrue(dashboard.get("complete").asBoolean());

        JsonNode closed = r.json().at("/items/4");
        assertTrue(closed.get("complete").asBoolean());
        assertEquals("2026-09-30", closed.get("dataThrough").asText());
        assertEquals("schedule:period-end", closed.get("compiledBy").asText());
    }

    @Test
    void aCommissionerSeesOnlyTheirOrganisationsSummariesAndNoDashboards() {
        SummariesApi.Reply keith = api.expect(200, SummariesApi.list(People.KEITH));
        assertEquals(List.of(CS_OPEN, CS_CLOSED), ids(keith));
        keith.json().get("items").forEach(i -> {
            assertEquals("commissioner-summary", i.get("kind").asText());
            assertEquals(SummariesApi.RIDGESHIRE, i.get("contractId").asText());
            assertNull(i.get("compiledBy"), "who compiled it is the provider's business");
            assertNull(i.get("teamId"));
        });

        SummariesApi.Reply ruth = api.expect(200, SummariesApi.list(People.RUTH));
        assertEquals(List.of(CS_EASTVALE), ids(ruth));
        assertFalse(ruth.body().contains(SummariesApi.RIDGESHIRE));

        SummariesApi.Reply nobodysCouncil = api.expect(200, SummariesApi.list(Map.of("sub", "k-new",
                "cognito:groups", "[commissioner]", "custom:commissioner_id", "comm-nowhere")));
        assertEquals(List.of(), ids(nobodysCouncil));
        SummariesApi.Reply noOrganisation = api.expect(200, SummariesApi.list(Map.of("sub", "k-none",
                "cognito:groups", "[commissioner]")));
        assertEquals(List.of(), ids(noOrganisation), "a commissioner without an organisation claim sees nothing");
    }

    @Test
    void aSummaryDocumentIsItsJsonFileAndReadingItAuditsNothing() {
        int audited = api.expect(200, SummariesApi.links(People.PRIYA).query("limit", "100")).json().get("items").size();
        SummariesApi.Reply keith = api.expect(200, SummariesApi.document(People.KEITH, CS_OPEN));
        assertEquals("application/json", keith.contentType());
        assertEquals(new String(api.bucket.get("summaries/" + CS_OPEN + "/summary.json"),
                java.nio.charset.StandardCharsets.UTF_8), keith.body(), "the published document, byte for byte");
        assertEquals("commissioner-summary", keith.json().get("kind").asText());
        assertTrue(keith.json().at("/feedback/overall/nps").has("value") || keith.json().at("/feedback/overall/nps")
                .has("suppressed"));
        assertEquals(CS_EASTVALE, api.expect(200, SummariesApi.document(People.RUTH, CS_EASTVALE)).json()
                .get("summaryId").asText());
        assertEquals("team-dashboard", api.expect(200, SummariesApi.document(People.PRIYA, TD_NORTH_OCT)).json()
                .get("kind").asText(), "the admin reads dashboards too");
        assertEquals(audited, api.expect(200, SummariesApi.links(People.PRIYA).query("limit", "100")).json().get("items").size());
    }

    @Test
    void pagesFollowTheCursorToTheEndWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var event = SummariesApi.list(People.PRIYA).query("limit", "2");
            if (cursor != null) {
                event.query("cursor", cursor);
            }
            SummariesApi.Reply r = api.expect(200, event);
            seen.addAll(ids(r));
            JsonNode next = r.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(List.of(CS_OPEN, TD_SOUTH_OCT, TD_NORTH_OCT, CS_EASTVALE, CS_CLOSED), seen);

        SummariesApi.Reply first = api.expect(200, SummariesApi.list(People.KEITH).query("limit", "1"));
        assertEquals(List.of(CS_OPEN), ids(first));
        SummariesApi.Reply second = api.expect(200, SummariesApi.list(People.KEITH).query("limit", "1")
                .query("cursor", first.json().get("nextCursor").asText()));
        assertEquals(List.of(CS_CLOSED), ids(second));
    }

    @Test
    void fromAndToSelectByTheLastDayCovered() {
        SummariesApi.Reply october = api.expect(200, SummariesApi.list(People.PRIYA).query("from", "2026-10-01")
                .query("to", "2026-10-31"));
        assertEquals(List.of(TD_SOUTH_OCT, TD_NORTH_OCT, CS_EASTVALE), ids(october));
        SummariesApi.Reply keith = api.expect(200, SummariesApi.list(People.KEITH).query("to", "2026-11-30"));
        assertEquals(List.of(CS_CLOSED), ids(keith));
    }

    @ParameterizedTest(name = "{0} may not list summaries: 403")
    @CsvSource({"family", "worker", "no role"})
    void familyWorkersAndCallersWithoutARoleAreRefused(String who) {
        Map<String, String> claims = switch (who) {
            case "family" -> People.MARIA;
            case "worker" -> People.AMARA;
            default -> People.NOBODY;
        };
        SummariesApi.Reply r = api.expectRejected(SummariesApi.list(claims), 403, null);
        assertFalse(r.body().contains("cs-"), "a refusal names no summary");
    }

    @Test
    void aTokenWithoutASubjectIs401() {
        api.expectRejected(SummariesApi.list(Map.of("cognito:groups", "[provider-admin]")), 401, null);
    }

    @ParameterizedTest(name = "bad query {0}={1}: 400")
    @CsvSource({"limit,0", "limit,101", "limit,ten", "from,yesterday", "to,2026-13-01", "cursor,' '",
            "cursor,not-a-cursor"})
    void badQueriesAre400NamingTheParameter(String name, String value) {
        api.expectRejected(SummariesApi.list(People.PRIYA).query(name, value), 400, name);
    }

    @Test
    void toBeforeFromIs400() {
        api.expectRejected(SummariesApi.list(People.PRIYA).query("from", "2026-11-01").query("to", "2026-10-01"),
                400, "to");
    }

    @Test
    void aCursorIsNotAKeyToAnotherCommissionersListing() {
        String adminCursor = api.expect(200, SummariesApi.list(People.PRIYA).query("limit", "1")).json()
                .get("nextCursor").asText();
        SummariesApi.Reply r = api.call(SummariesApi.list(People.RUTH).query("cursor", adminCursor));
        assertEquals(400, r.status(), r::body);
        assertEquals("application/problem+json", r.contentType());
    }
}
