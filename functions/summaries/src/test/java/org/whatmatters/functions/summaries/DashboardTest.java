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

    /** November with RotaVisits: the dashboard's punctuality figures and Rosa's late and missed visits. */
    @Test
    void theMonthsPunctualityAndTheLateAndMissedVisitsByPerson() {
        RotaVisits.seed(api);
        api.schedule("monthly", "2026-12-01T02:00:00Z");
        JsonNode d = api.expect(200, SummariesApi.dashboard(People.AMARA, People.NORTH).query("month", "2026-11")).json();
        // v-n1 on time (55 min), v-n2 40 late (40 min, short), v-n3 missed, v-n4 cancelled by the family
        JsonNode r = d.at("/activity/rota");
        assertEquals(3, r.get("plannedVisits").asInt());
        assertEquals(2, r.get("completedVisits").asInt());
        assertEquals(1, r.get("onTime").asInt());
        assertEquals(1, r.get("late").asInt());
        assertEquals(1, r.get("missed").asInt());
        assertEquals(1, r.get("shortVisits").asInt());
        assertEquals(1, r.get("cancelled").asInt());
        assertEquals("family", r.at("/cancelledBy/1/requestedBy").asText());
        assertEquals(1, r.at("/cancelledBy/1/visits").asInt());
        assertEquals(50.0, r.get("onTimePercent").asDouble());
        assertEquals(333.3, r.get("missedPer1000Planned").asDouble());
        assertEquals(50.0, r.get("shortPercent").asDouble());
        assertEquals(40.0, r.get("meanMinutesLate").asDouble());
        assertEquals(3.0, r.get("plannedHours").asDouble());
        assertEquals(1.6, r.get("deliveredHours").asDouble(), "95 minutes");

        JsonNode rosa = d.at("/lateAndMissed/0");
        assertEquals(1, d.get("lateAndMissed").size());
        assertEquals(People.ROSA, rosa.get("clientId").asText());
        assertEquals("Rosa Bennett", rosa.get("name").asText());
        assertEquals(2, rosa.get("visits").size());
        assertEquals("v-n2", rosa.at("/visits/0/visitId").asText());
        assertEquals(40, rosa.at("/visits/0/minutesLate").asInt());
        assertEquals("completed", rosa.at("/visits/0/status").asText());
        assertEquals("Ben", rosa.at("/visits/0/workers/1/name").asText());
        assertEquals("v-n3", rosa.at("/visits/1/visitId").asText());
        assertEquals("missed", rosa.at("/visits/1/status").asText());
        assertTrue(rosa.at("/visits/1/minutesLate").isMissingNode());

        JsonNode south = api.expect(200, SummariesApi.dashboard(People.CHLOE, People.SOUTH).query("month", "2026-11"))
                .json();
        assertEquals(0, south.get("lateAndMissed").size(), "Arthur's visit was on time");
        assertEquals(100.0, south.at("/activity/rota/onTimePercent").asDouble());
    }

    /** The commissioner's Q4 with RotaVisits: one missed visit, a small count, and what it would reveal. */
    @Test
    void theCommissionerSeesTheRotaUnderDisclosureControl() {
        RotaVisits.seed(api);
        api.expect(200, SummariesApi.compilePeriod(People.PRIYA, SummariesApi.OPEN));
        JsonNode doc = api.expect(200, SummariesApi.document(People.KEITH, SummariesApi.CS_OPEN)).json();
        JsonNode r = doc.at("/impact/activity/rota");
        // October: 80 seeded visits and v-n5; November: v-n1, v-n2, v-s1 completed, v-n3 missed: 84 + 1 = 85
        assertEquals(85, r.at("/plannedVisits/value").asInt());
        assertEquals("small-count", r.at("/missedVisits/suppressed").asText());
        assertEquals("secondary", r.at("/completedVisits/suppressed").asText(), "85 − 84 would give the 1 away");
        assertEquals("secondary", doc.at("/impact/activity/visits/suppressed").asText(), "the same figure");
        assertEquals("small-count", r.at("/missedPer1000Planned/suppressed").asText());
        assertEquals("secondary", r.at("/onTimePercent/suppressed").asText());
        assertEquals("small-count", r.at("/cancellations/total/suppressed").asText());
    }
}
