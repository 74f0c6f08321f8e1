package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Schedules through the visits API on DynamoDB Local, on Monday 23 November 2026 at 10:30 (London): created,
 * read, changed and ended, each write bringing the visits in line at once.
 */
class SchedulesTest {

    private VisitsApi api;
    private VisitStore visits;

    @BeforeEach
    void fresh() {
        api = new VisitsApi();
        visits = new VisitStore(api.table.data());
    }

    private VisitsApi.Reply create(String clientId, String body) {
        return api.call(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", clientId)
                .as(People.AMARA).body(body));
    }

    private String created(String body) {
        VisitsApi.Reply r = create(People.ROSA, body);
        assertEquals(201, r.status(), r::body);
        return r.json().get("scheduleId").asText();
    }

    /** Rosa's visits of the schedule from now on, by id. */
    private Map<String, Visit> generated(String scheduleId) {
        return visits.ofSchedule(People.ROSA, scheduleId, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-03-01T00:00:00Z")).stream()
                .collect(Collectors.toMap(Visit::visitId, v -> v, (a, b) -> a, TreeMap::new));
    }

    @Test
    void creatingGeneratesTheComingFortnightOfVisits() {
        VisitsApi.Reply r = create(People.ROSA, ScheduleBodies.mondaysAndThursdays());
        assertEquals(201, r.status(), r::body);
        String id = r.json().get("scheduleId").asText();
        assertEquals("/schedules/" + id, r.headers().get("location"));
        assertEquals(4, r.json().get("generated").get("created").asInt(), r::body);
        assertEquals("Amara", r.json().at("/entries/0/preferredWorkers/0/displayName").asText());
        assertEquals(List.of("monday", "thursday"),
                List.of(r.json().at("/entries/0/days/0").asText(), r.json().at("/entries/0/days/1").asText()));
        // Today's 09:00 has passed; then Thursday 26, Monday 30, Thursday 3 and Monday 7 December.
        List<Instant> starts = generated(id).values().stream().map(Visit::plannedStart).sorted().toList();
        assertEquals(List.of(Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-07T09:00:00Z")), starts);
        generated(id).values().forEach(v -> {
            assertEquals(List.of("w-amara"), v.workerIds());
            assertEquals(VisitStatus.PLANNED, v.status());
            assertEquals("14 Orchard Lane, Leeds LS6 2AB", v.location().address());
        });
        var listed = api.expect(200, HttpEvents.route("GET /clients/{clientId}/visits").path("clientId", People.ROSA)
                .query("from", "2026-11-24").query("to", "2026-12-31").as(People.BEN));
        assertEquals(4, listed.json().get("visits").size());
        assertEquals(id, listed.json().at("/visits/0/scheduleId").asText());
    }

    @Test
    void theTeamAndAnAdminReadAndListSchedules() {
        String id = created(ScheduleBodies.mondaysAndThursdays());
        var one = api.expect(200, HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", id)
                .as(People.BEN));
        assertEquals(1, one.json().get("version").asInt());
        assertFalse(one.json().has("generated"));
        assertEquals("09:00", one.json().at("/entries/0/start").asText());
        assertEquals(60, one.json().at("/entries/0/durationMinutes").asInt());
        var all = api.expect(200, HttpEvents.route("GET /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.PRIYA));
        assertEquals(id, all.json().at("/schedules/0/scheduleId").asText());
        assertEquals(1, all.json().get("schedules").size());
    }

    @Test
    void aChangeMovesOnlyFutureVisitsNobodyTouched() {
        VisitsApi.Reply r = create(People.ROSA, ScheduleBodies.mondaysAndThursdays());
        String id = r.json().get("scheduleId").asText();
        String entryId = r.json().at("/entries/0/entryId").asText();
        List<Visit> four = generated(id).values().stream().sorted((a, b) -> a.plannedStart().compareTo(b.plannedStart()))
                .toList();
        Instant now = VisitsApi.NOW;
        Visit moved = four.get(0).rescheduled(four.get(0).serviceDate(), four.get(0).plannedStart().plusSeconds(1800),
                four.get(0).plannedEnd().plusSeconds(1800), List.of("w-ben"), now);
        assertTrue(visits.replace(moved, four.get(0), List.of()));
        Visit cancelled = four.get(1).cancelled(new Cancellation(CancellationRequester.CLIENT, "away", now, now,
                "w-amara"), now);
        assertTrue(visits.replace(cancelled, four.get(1), List.of()));
        Visit started = four.get(2).checkedIn(now, "w-amara", null, now);
        assertTrue(visits.replace(started, four.get(2), List.of()));

        // Now 10:00 on Mondays and Thursdays, by Ben, the line kept by its id; a Tuesday line added.
        String change = """
                {"entries":[{"entryId":"%s","days":["monday","thursday"],"start":"10:00","durationMinutes":45,
                "serviceType":"personal-care","preferredWorkers":["w-ben"]},
                {"days":["tuesday"],"start":"14:00","durationMinutes":30,"serviceType":"companionship",
                "preferredWorkers":["w-dev"]}],
                "location":%s,"validFrom":"2026-11-23","version":1}""".formatted(entryId, ScheduleBodies.ADDRESS);
        var changed = api.expect(200, HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", id)
                .as(People.PRIYA).body(change));
        assertEquals(2, changed.json().get("version").asInt());
        assertEquals(1, changed.json().at("/generated/updated").asInt(), changed::body);
        assertEquals(2, changed.json().at("/generated/created").asInt(), changed::body);
        assertEquals(entryId, changed.json().at("/entries/0/entryId").asText());

        Map<String, Visit> after = generated(id);
        assertEquals(moved, after.get(moved.visitId()));
        assertEquals(cancelled, after.get(cancelled.visitId()));
        assertEquals(started, after.get(started.visitId()));
        Visit followed = after.get(four.get(3).visitId());
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), followed.plannedStart());
        assertEquals(Instant.parse("2026-12-07T10:45:00Z"), followed.plannedEnd());
        assertEquals(List.of("w-ben"), followed.workerIds());
        assertFalse(followed.editedByHand());
        assertEquals(6, after.size(), "two Tuesdays added");
    }

    @Test
    void droppingADayRemovesItsUntouchedVisitsAndEndingRemovesThoseAfterTheEnd() {
        VisitsApi.Reply r = create(People.ROSA, ScheduleBodies.mondaysAndThursdays());
        String id = r.json().get("scheduleId").asText();
        String entryId = r.json().at("/entries/0/entryId").asText();
        String mondays = """
                {"entries":[{"entryId":"%s","days":["monday"],"start":"09:00","durationMinutes":60,
                "serviceType":"personal-care","preferredWorkers":["w-amara"]}],
                "location":%s,"validFrom":"2026-11-23","version":1}""".formatted(entryId, ScheduleBodies.ADDRESS);
        var changed = api.expect(200, HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", id)
                .as(People.AMARA).body(mondays));
        assertEquals(2, changed.json().at("/generated/removed").asInt(), changed::body);
        assertEquals(2, generated(id).size());

        var ended = api.expect(200, HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", id)
                .as(People.AMARA).body("{\"validTo\":\"2026-11-30\"}"));
        assertEquals("2026-11-30", ended.json().get("validTo").asText());
        assertEquals(3, ended.json().get("version").asInt());
        assertEquals(1, ended.json().at("/generated/removed").asInt());
        assertEquals(List.of(Instant.parse("2026-11-30T09:00:00Z")),
                generated(id).values().stream().map(Visit::plannedStart).toList());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = created(ScheduleBodies.mondaysAndThursdays());
        String body = ScheduleBodies.mondaysAndThursdays().replace("\"validFrom\":\"2026-11-23\"",
                "\"validFrom\":\"2026-11-23\",\"version\":7");
        var r = api.expectRejected(HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", id)
                .as(People.AMARA).body(body), 409, null);
        assertTrue(r.json().get("detail").asText().contains("version 1"), r::body);
    }

    @Test
    void aScheduleThatWouldDoubleBookAWorkerIsRefusedNamingTheClash() {
        created(ScheduleBodies.mondaysAndThursdays());
        new ClientStore(api.table.data()).put(new Client("c-iris", People.NORTH, "Iris Cole", 7,
                Instant.parse("2026-01-05T09:00:00Z")));
        String clash = ScheduleBodies.schedule("2026-12-01",
                ScheduleBodies.line(List.of("wednesday", "thursday"), "09:30", 30, "w-dev", "w-amara"));
        var r = api.expectRejected(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", "c-iris")
                .as(People.BEN).body(clash), 409, null);
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains("Amara") && detail.contains("thursday 09:30-10:00")
                && detail.contains("thursday 09:00-10:00") && detail.contains("Rosa Bennett"), detail);

        // Another worker at that time is free.
        assertEquals(201, api.call(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", "c-iris")
                .as(People.BEN).body(ScheduleBodies.schedule("2026-12-01",
                        ScheduleBodies.line(List.of("thursday"), "09:30", 30, "w-dev")))).status());
    }

    @Test
    void twoLinesOfOneScheduleMayNotDoubleBookEither() {
        String body = ScheduleBodies.schedule("2026-11-23",
                ScheduleBodies.line(List.of("sunday"), "23:00", 120, "w-ben"),
                ScheduleBodies.line(List.of("monday"), "00:30", 60, "w-amara", "w-ben"));
        var r = api.expectRejected(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.AMARA).body(body), 409, null);
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains("Ben") && detail.contains("another line of this schedule"), detail);
    }

    @Test
    void theDailyRunRollsForwardAndARerunCreatesNothing() {
        String id = created(ScheduleBodies.mondaysAndThursdays());
        var later = new GenerateVisitsHandler(GenerateVisitsComponent.create(api.table.env(),
                java.time.Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), java.time.ZoneId.of("Europe/London"))));
        Map<String, Object> first = later.handleRequest(Map.of(), null);
        assertEquals(1, first.get("schedules"));
        assertEquals(2, first.get("created"), first::toString);
        Map<String, Object> again = later.handleRequest(Map.of(), null);
        assertEquals(0, again.get("created"));
        assertEquals(6, generated(id).size());
    }

    @Test
    void aScheduleStartedLongAgoCanStillBeChangedAndEnded() {
        var store = new org.whatmatters.data.ScheduleStore(api.table.data());
        store.create(new org.whatmatters.domain.CareSchedule("s-old", People.ROSA, People.NORTH, List.of(
                new org.whatmatters.domain.ScheduleEntry("e-1", java.util.Set.of(java.time.DayOfWeek.WEDNESDAY),
                        java.time.LocalTime.of(14, 0), java.time.Duration.ofHours(1),
                        org.whatmatters.domain.ServiceType.COMPANIONSHIP, List.of("w-dev"))),
                java.time.LocalDate.of(2024, 6, 3), null, new org.whatmatters.domain.Location("14 Orchard Lane", null,
                null), "w-amara", Instant.parse("2024-06-01T09:00:00Z"), 1));
        String change = """
                {"entries":[{"entryId":"e-1","days":["wednesday"],"start":"15:00","durationMinutes":60,
                "serviceType":"companionship","preferredWorkers":["w-dev"]}],
                "location":%s,"validFrom":"2024-06-03","version":1}""".formatted(ScheduleBodies.ADDRESS);
        var changed = api.expect(200, HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", "s-old")
                .as(People.BEN).body(change));
        assertEquals(2, changed.json().at("/generated/created").asInt(), changed::body);
        var ended = api.expect(200, HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", "s-old")
                .as(People.BEN).body("{\"validTo\":\"2026-11-30\"}"));
        assertEquals(1, ended.json().at("/generated/removed").asInt(), ended::body);
        // Moving validFrom itself is held to the horizon.
        api.expectRejected(HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", "s-old").as(People.BEN)
                .body(change.replace("2024-06-03", "2024-06-04").replace("\"version\":1", "\"version\":3")), 400,
                "validFrom");
    }

    @Test
    void aWorkerInTwoTeamsIsCheckedAgainstBothWithoutNamingTheOtherTeamsClient() {
        new org.whatmatters.data.TeamStore(api.table.data()).putMember(new org.whatmatters.domain.TeamMember(
                People.SOUTH, "w-dev", "Dev", Instant.parse("2026-01-05T09:00:00Z")));
        api.expect(201, HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ARTHUR)
                .as(People.CHLOE).body(ScheduleBodies.schedule("2026-11-23",
                        ScheduleBodies.line(List.of("tuesday"), "11:00", 60, "w-dev"))));
        var r = api.expectRejected(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.AMARA).body(ScheduleBodies.schedule("2026-11-23",
                        ScheduleBodies.line(List.of("tuesday"), "11:30", 60, "w-dev"))), 409, null);
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains("Dev") && detail.contains("another team"), detail);
        assertFalse(detail.contains("Arthur"), detail);
    }
}
