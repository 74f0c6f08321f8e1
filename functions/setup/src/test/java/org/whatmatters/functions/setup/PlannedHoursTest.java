package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.PlannedHoursStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.PlannedHoursHistory;
import org.whatmatters.json.Json;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Planned hours keep a history from which the change over any period can be computed. */
class PlannedHoursTest {

    private static HttpEvents change(String clientId, double hours, String from, String reason) {
        return HttpEvents.route("PUT /clients/{clientId}/planned-hours").path("clientId", clientId).as(People.PRIYA)
                .body(Json.write(Map.of("hoursPerWeek", hours, "effectiveFrom", from, "reason", reason)));
    }

    @Test
    void aTeamsChangeInPlannedHoursOverAPeriodComesFromTheHistory() {
        SetupApi api = new SetupApi();
        String iris = api.expect(201, HttpEvents.route("POST /clients").as(People.PRIYA).body("""
                {"teamId":"t-north","displayName":"Iris Walker","plannedHoursPerWeek":20,"startsOn":"2026-06-01"}""")).json()
                .get("clientId").asText();
        String june = api.expect(201, HttpEvents.route("POST /clients").as(People.PRIYA).body("""
                {"teamId":"t-north","displayName":"June Hart","plannedHoursPerWeek":6}""")).json().get("clientId").asText();
        api.expect(200, change(iris, 15, "2026-08-03", "Walks to the shop alone again"));
        api.expect(200, change(iris, 10.5, "2026-10-05", "Family now cooks on Sundays"));
        api.expect(200, change(iris, 12, "2026-10-05", "Corrected: Sunday lunch visit kept"));

        JsonNode history = api.expect(200, HttpEvents.route("GET /clients/{clientId}/planned-hours")
                .path("clientId", iris).as(People.AMARA)).json();
        assertEquals(12.0, history.get("plannedHoursPerWeek").asDouble());
        assertEquals(List.of(20.0, 15.0, 10.5, 12.0), doubles(history.get("changes"), "hoursPerWeek"));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), doubles(history.get("changes"), "sequence"));
        assertEquals("Initial plan", history.at("/changes/0/reason").asText());
        assertFalse(history.at("/changes/0").has("previousHoursPerWeek"));
        assertEquals(10.5, history.at("/changes/3/previousHoursPerWeek").asDouble());

        JsonNode client = api.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", iris)
                .as(People.PRIYA)).json();
        assertEquals(12.0, client.get("plannedHoursPerWeek").asDouble());
        assertEquals("2026-10-05", client.get("hoursEffectiveFrom").asText());

        // What a compiler (issue 6) does: one query per team, then hours on the first and last day.
        Map<String, PlannedHoursHistory> byClient = new PlannedHoursStore(api.table.data())
                .ofTeam(People.NORTH, LocalDate.of(2026, 11, 30)).stream()
                .collect(Collectors.groupingBy(PlannedHoursChange::clientId,
                        Collectors.collectingAndThen(Collectors.toList(), PlannedHoursHistory::new)));
        assertEquals(2, byClient.size(), "Rosa was seeded without history");
        double change = byClient.values().stream()
                .mapToDouble(h -> h.changeBetween(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 30))).sum();
        assertEquals(-8 + 6, change, 1e-9, "Iris 20 -> 12, June new with 6");
        assertEquals(15.0, byClient.get(iris).hoursOn(LocalDate.of(2026, 10, 4)));
        assertEquals(0.0, byClient.get(iris).hoursOn(LocalDate.of(2026, 5, 31)));
        assertEquals(1, new PlannedHoursStore(api.table.data()).ofTeam(People.NORTH, LocalDate.of(2026, 7, 31))
                .size(), "only Iris's first plan is effective by July");
    }

    @Test
    void aChangeRacingAnotherChangeLosesAndWritesNothing() {
        SetupApi api = new SetupApi();
        PlannedHoursStore hours = new PlannedHoursStore(api.table.data());
        Client read = new ClientStore(api.table.data()).find(People.ROSA).orElseThrow();
        assertTrue(hours.change(read, change(1, 12, "first")));
        var before = api.table.snapshot();
        assertFalse(hours.change(read, change(1, 10, "second, for the same place in the history")));
        assertFalse(hours.change(read, change(2, 10, "second, from a stale read of the hours")));
        assertEquals(before, api.table.snapshot());
        assertEquals(12.0, new ClientStore(api.table.data()).find(People.ROSA).orElseThrow().plannedHoursPerWeek());
    }

    private static PlannedHoursChange change(int sequence, double hours, String reason) {
        return new PlannedHoursChange(People.ROSA, People.NORTH, sequence, hours, 14.0, LocalDate.of(2026, 11, 16),
                reason, "a-priya", SetupApi.NOW);
    }

    private static List<Double> doubles(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get(field).asDouble()).toList();
    }
}
