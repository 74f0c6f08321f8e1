package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.whatmatters.testing.People;

/** GET /teams/{teamId}/dashboard: the stored JSON document, to the team's workers and the admin. */
class DashboardTest {

    private final SummariesApi api = new SummariesApi().compileAsSchedulesWould();

    private String stored(String team, String month) {
        return new String(api.bucket.get("dashboards/" + team + "/" + month + "/dashboard.json"),
                StandardCharsets.UTF_8);
    }

    @Test
    void aWorkerReadsTheirTeamsLatestDashboardOrANamedMonth() {
        SummariesApi.Reply latest = api.expect(200, SummariesApi.dashboard(People.AMARA, People.NORTH));
        assertEquals("application/json", latest.contentType());
        assertEquals(stored("t-north", "2026-10"), latest.body(), "the document as stored");
        JsonNode d = latest.json();
        assertEquals("team-dashboard", d.get("kind").asText());
        assertEquals(People.NORTH, d.get("teamId").asText());
        assertEquals("Riverside North", d.get("teamName").asText());
        assertEquals("2026-10", d.get("month").asText());
        assertEquals(40, d.at("/activity/visits").asInt());
        assertEquals("Rosa Bennett", d.at("/clients/0/name").asText(), "the team knows its own clients");

        SummariesApi.Reply named = api.expect(200, SummariesApi.dashboard(People.BEN, People.NORTH)
                .query("month", "2026-10"));
        assertEquals(latest.body(), named.body());
    }

    @Test
    void theAdminReadsAnyTeamsDashboardAndTheLatestMovesOnWhenAMonthIsCompiled() {
        SummariesApi.Reply south = api.expect(200, SummariesApi.dashboard(People.PRIYA, People.SOUTH));
        assertEquals(stored("t-south", "2026-10"), south.body());

        api.schedule("monthly", "2026-12-01T02:00:00Z");
        SummariesApi.Reply latest = api.expect(200, SummariesApi.dashboard(People.CHLOE, People.SOUTH));
        assertEquals("2026-11", latest.json().get("month").asText());
        assertEquals(stored("t-south", "2026-11"), latest.body());
        SummariesApi.Reply october = api.expect(200, SummariesApi.dashboard(People.CHLOE, People.SOUTH)
                .query("month", "2026-10"));
        assertEquals(south.body(), october.body(), "earlier months stay readable");
        assertTrue(api.expect(200, SummariesApi.dashboard(People.PRIYA, People.NORTH)).body()
                .contains("\"2026-11\""));
    }
}
