package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ScheduleStore;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.testing.People;

/** Every sample event in events/http/visits, through the real handler on DynamoDB Local. */
class SampleEventsTest {

    private final VisitsApi api = new VisitsApi();

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/http/visits/" + name + ".json");
    }

    @Test
    void planVisitCarriesEveryEvvElement() {
        VisitsApi.Reply r = api.call(sample("plan-visit"));
        assertEquals(201, r.status(), r.json()::toString);
        var v = r.json();
        assertEquals("/visits/" + v.get("visitId").asText(), r.headers().get("location"));
        assertEquals("personal-care", v.get("serviceType").asText());
        assertEquals("c-rosa", v.get("clientId").asText());
        assertEquals("2026-11-24", v.get("serviceDate").asText());
        assertEquals("14 Orchard Lane, Leeds LS6 2AB", v.at("/location/address").asText());
        assertEquals("w-amara", v.at("/workers/0/workerId").asText());
        assertEquals("Ben", v.at("/workers/1/displayName").asText());
        assertEquals("2026-11-24T09:00:00Z", v.get("plannedStart").asText());
        assertEquals("2026-11-24T10:00:00Z", v.get("plannedEnd").asText());
        assertEquals("planned", v.get("status").asText());
    }

    @Test
    void checkInThenCheckOutThenFamilyReadsIt() {
        VisitsApi.Reply in = api.call(sample("check-in"));
        assertEquals(200, in.status(), in.json()::toString);
        assertEquals("in-progress", in.json().get("status").asText());
        assertEquals("2026-11-23T09:02:00Z", in.json().get("actualStart").asText());

        VisitsApi.Reply out = api.call(sample("check-out"));
        assertEquals(200, out.status(), out.json()::toString);
        assertEquals("completed", out.json().get("status").asText());
        assertEquals("2026-11-23T09:58:00Z", out.json().get("actualEnd").asText());
        assertTrue(out.json().get("whatMattered").asText().contains("corner shop"));
        assertEquals("Medication taken; fridge restocked.", out.json().get("checkOutNote").asText());

        VisitsApi.Reply read = api.call(sample("get-visit"));
        assertEquals(200, read.status(), read.json()::toString);
        assertEquals("completed", read.json().get("status").asText());
        assertTrue(read.json().get("whatMattered").asText().contains("corner shop"));
        assertFalse(read.json().has("checkOutNote"), "families do not see the team's working notes");
        assertFalse(read.json().has("checkInNote"), "families do not see the team's working notes");
    }

    @Test
    void familyListsVisitsInTheMonth() {
        VisitsApi.Reply r = api.call(sample("list-visits"));
        assertEquals(200, r.status(), r.json()::toString);
        assertEquals(1, r.json().get("visits").size());
        assertEquals(VisitsApi.SAMPLE_VISIT, r.json().at("/visits/0/visitId").asText());
        assertFalse(r.json().has("nextCursor"));
    }

    @Test
    void familyAskedForTheVisitToBeCancelled() {
        VisitsApi.Reply r = api.withNextVisit().call(sample("cancel-visit"));
        assertEquals(200, r.status(), r.json()::toString);
        assertEquals("cancelled", r.json().get("status").asText());
        assertEquals("family", r.json().at("/cancellation/requestedBy").asText());
        assertEquals(22 * 60 + 30, r.json().at("/cancellation/noticeMinutes").asLong(), "asked at 10:30 for 09:00 tomorrow");
        VisitsApi.Reply again = api.call(sample("cancel-visit"));
        assertEquals(409, again.status(), "a cancelled visit cannot be cancelled twice");
    }

    @Test
    void amaraIsUnwellSoBenGoesAlone() {
        VisitsApi.Reply r = api.withNextVisit().call(sample("reschedule-visit"));
        assertEquals(200, r.status(), r.json()::toString);
        assertEquals("2026-11-24T09:00:00Z", r.json().get("plannedStart").asText(), "the time stays");
        assertEquals("w-ben", r.json().at("/workers/0/workerId").asText());
        assertEquals(1, r.json().get("workers").size());
        assertTrue(r.json().get("editedByHand").asBoolean());
        assertEquals("planned", r.json().get("status").asText());
    }

    @Test
    void createScheduleGeneratesTheComingVisits() {
        VisitsApi.Reply r = api.call(sample("create-schedule"));
        assertEquals(201, r.status(), r.json()::toString);
        assertEquals("/schedules/" + r.json().get("scheduleId").asText(), r.headers().get("location"));
        assertEquals("Ben", r.json().at("/entries/0/preferredWorkers/1/displayName").asText());
        assertTrue(r.json().at("/generated/created").asInt() > 0);
        VisitsApi.Reply listed = api.call(sample("list-schedules"));
        assertEquals(200, listed.status(), listed.json()::toString);
        assertEquals(1, listed.json().get("schedules").size());
    }

    @Test
    void getChangeAndEndTheSampleSchedule() {
        new ScheduleStore(api.table.data()).create(new CareSchedule("s-sample-1", People.ROSA, People.NORTH,
                List.of(new ScheduleEntry("e-morning", Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0),
                        Duration.ofHours(1), ServiceType.PERSONAL_CARE, List.of("w-amara", "w-ben"))),
                LocalDate.of(2026, 11, 23), null, new Location("14 Orchard Lane, Leeds LS6 2AB", null, null), "w-amara",
                VisitsApi.NOW, 1));
        VisitsApi.Reply read = api.call(sample("get-schedule"));
        assertEquals(200, read.status(), read.json()::toString);
        VisitsApi.Reply changed = api.call(sample("change-schedule"));
        assertEquals(200, changed.status(), changed.json()::toString);
        assertEquals("09:30", changed.json().at("/entries/0/start").asText());
        VisitsApi.Reply ended = api.call(sample("end-schedule"));
        assertEquals(200, ended.status(), ended.json()::toString);
        assertEquals("2026-12-31", ended.json().get("validTo").asText());
    }

    @Test
    void theDailyRunTakesItsSampleEvent() throws Exception {
        api.call(sample("create-schedule"));
        var handler = new GenerateVisitsHandler(GenerateVisitsComponent.create(api.table.env(),
                Clock.fixed(Instant.parse("2026-12-03T01:15:00Z"), ZoneId.of("Europe/London"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> event = Json.MAPPER.readValue(
                Files.readString(TestCloud.repoRoot().resolve("events/schedule/generate-visits.json")), Map.class);
        Map<String, Object> result = handler.handleRequest(event, null);
        assertEquals(1, result.get("schedules"));
        assertTrue((int) result.get("created") > 0, result::toString);
    }
}
