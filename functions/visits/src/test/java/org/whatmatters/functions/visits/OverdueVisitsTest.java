package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;
import org.whatmatters.visits.LateCheck;
import org.whatmatters.visits.VisitRules;

/**
 * A visit already due cannot be made to look punctual: not cancelled, not moved in time, and a check-in after its
 * miss counts as late, not on time, once it ends. The sample visit was due at 09:00; it is 10:30.
 */
class OverdueVisitsTest {

    private final VisitsApi api = new VisitsApi().withNextVisit();

    private VisitsApi.Reply call(String route, String id, Map<String, String> who, String body) {
        return api.call(HttpEvents.route(route).path("visitId", id).as(who).body(body));
    }

    @Test
    void anOverdueVisitIsNotCancelledNorMovedInTimeButMayGetAnotherWorker() {
        api.expectRejected(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body("{\"requestedBy\":\"client\",\"reason\":\"Out\"}"), 409, null);
        api.expectRejected(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.PRIYA).body("{\"plannedStart\":\"2026-11-23T11:00:00Z\",\"plannedEnd\":\"2026-11-23T12:00:00Z\"}"),
                409, null);
        var swapped = call("POST /visits/{visitId}/reschedule", VisitsApi.SAMPLE_VISIT, People.PRIYA,
                "{\"workerIds\":[\"w-dev\"]}");
        assertEquals(200, swapped.status(), swapped.json()::toString);
        assertEquals("2026-11-23T09:00:00Z", swapped.json().get("plannedStart").asText(), "its time stays");
    }

    @Test
    void aVisitIsMovedOnlyAheadOfTimeAndACancellationIsRecordedWhenAskedFor() {
        api.expectRejected(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.AMARA).body("{\"plannedStart\":\"2026-11-23T10:00:00Z\",\"plannedEnd\":\"2026-11-23T11:00:00Z\"}"),
                400, "plannedStart");
        var moved = call("POST /visits/{visitId}/reschedule", VisitsApi.NEXT_VISIT, People.AMARA,
                "{\"plannedStart\":\"2026-11-24T11:00:00Z\",\"plannedEnd\":\"2026-11-24T12:00:00Z\"}");
        assertEquals(200, moved.status(), moved.json()::toString);
    }

    @Test
    void aCheckInAfterTheMissCountsAsLateWhateverStartItGives() {
        LateCheck check = new LateCheck(new VisitStore(api.table.data()),
                new ActivityCounters(new ContractStore(api.table.data())), VisitRules.DEFAULTS,
                Clock.fixed(VisitsApi.NOW, ZoneOffset.UTC));
        assertEquals(new LateCheck.Result(0, 1), check.run(), "10:00 end + 30 minutes' grace: missed at 10:30");
        String month = "AGG#TEAM#" + People.NORTH + " MONTH#2026-11";
        assertEquals(1L, TestTable.aggregates(api.table.snapshot()).get(month).get("missed"));

        var in = call("POST /visits/{visitId}/check-in", VisitsApi.SAMPLE_VISIT, People.AMARA,
                "{\"at\":\"2026-11-23T09:00:00Z\"}");
        assertEquals(200, in.status(), in.json()::toString);
        assertEquals("late", in.json().at("/timing/punctuality").asText());
        assertEquals(90, in.json().at("/timing/minutesLate").asLong(), "late by at least the time to its miss");
        assertEquals(1L, TestTable.aggregates(api.table.snapshot()).get(month).get("missed"),
                "still missed until it ends: a check-in alone takes nothing back");

        assertEquals(200, call("POST /visits/{visitId}/check-out", VisitsApi.SAMPLE_VISIT, People.AMARA,
                "{\"at\":\"2026-11-23T10:00:00Z\"}").status());
        Map<String, Long> counted = TestTable.aggregates(api.table.snapshot()).get(month);
        assertEquals(0L, counted.get("missed"));
        assertEquals(1L, counted.get("late"));
        assertNull(counted.get("onTime"), "not on time, though it says it started at 09:00");
        assertEquals(1L, counted.get("late#" + People.ROSA), "listed among the late visits by person");
    }
}
