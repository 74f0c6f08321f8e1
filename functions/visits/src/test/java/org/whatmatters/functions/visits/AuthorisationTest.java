package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Callers using someone else's ids. Anyone with no right to a client gets the same 404 as for an
 * unknown id, and no data; callers who may see the client but not do the thing get 403.
 */
class AuthorisationTest {

    private static final VisitsApi API = new VisitsApi();
    private static final String START = "2026-11-24T09:00:00Z";
    private static final String END = "2026-11-24T10:00:00Z";

    static Stream<Arguments> outsiders() {
        return People.outsidersOfRosa();
    }

    @ParameterizedTest(name = "{0} reading a visit: {2}")
    @MethodSource("outsiders")
    void readVisit(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.SAMPLE_VISIT).as(claims),
                status);
    }

    @ParameterizedTest(name = "{0} listing visits: {2}")
    @MethodSource("outsiders")
    void listVisits(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("GET /clients/{clientId}/visits").path("clientId", People.ROSA).as(claims),
                status);
    }

    @ParameterizedTest(name = "{0} planning a visit: {2}")
    @MethodSource("outsiders")
    void planVisit(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA).as(claims)
                .body(VisitsApi.planBody(START, END, "w-amara")), status);
    }

    @ParameterizedTest(name = "{0} checking in: {2}")
    @MethodSource("outsiders")
    void checkIn(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(claims).body("{}"), status);
    }

    @ParameterizedTest(name = "{0} cancelling a visit: {2}")
    @MethodSource("outsiders")
    void cancelVisit(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(claims).body("{\"requestedBy\":\"client\",\"reason\":\"Out for the day\"}"), status);
    }

    @ParameterizedTest(name = "{0} moving a visit: {2}")
    @MethodSource("outsiders")
    void rescheduleVisit(String who, Map<String, String> claims, int status) {
        expectNoData(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(claims).body("{\"plannedStart\":\"" + START + "\",\"plannedEnd\":\"" + END + "\"}"), status);
    }

    @Test
    void familyMayNotCancelOrMoveButSeesTheCancellation() {
        String cancel = "{\"requestedBy\":\"family\",\"reason\":\"At her daughter's\"}";
        expectNoData(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.MARIA).body(cancel), 403);
        expectNoData(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.MARIA).body("{\"workerIds\":[\"w-ben\"]}"), 403);
        VisitsApi api = new VisitsApi().withNextVisit();
        var done = api.call(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.PRIYA).body(cancel));
        assertEquals(200, done.status(), done.json()::toString);
        var seen = api.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.MARIA));
        assertEquals("cancelled", seen.json().get("status").asText());
        assertEquals("At her daughter's", seen.json().at("/cancellation/reason").asText());
        assertFalse(seen.json().at("/cancellation").has("recordedBy"), "who recorded it is the team's business");
        var other = api.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.TOM));
        assertEquals(404, other.status(), "another person's family sees nothing of it");
    }

    @Test
    void aWorkerOfTheTeamNotOnTheVisitMayMoveIt() {
        VisitsApi api = new VisitsApi();
        var moved = api.call(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.DEV).body("{\"workerIds\":[\"w-dev\"]}"));
        assertEquals(200, moved.status(), moved.json()::toString);
        assertEquals("w-dev", moved.json().at("/workers/0/workerId").asText());
    }

    @Test
    void unknownIdsLookTheSameAsOtherPeoplesIds() {
        var unknown = API.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", "v-nope").as(People.TOM));
        var others = API.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.TOM));
        assertEquals(404, unknown.status());
        assertEquals(unknown.json().get("title"), others.json().get("title"));
        assertEquals(404, API.call(HttpEvents.route("GET /clients/{clientId}/visits").path("clientId", "c-nope")
                .as(People.AMARA)).status());
        expectNoData(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", "v-nope").as(People.AMARA)
                .body("{\"requestedBy\":\"client\",\"reason\":\"x\"}"), 404);
        expectNoData(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", "v-nope").as(People.PRIYA)
                .body("{\"workerIds\":[\"w-ben\"]}"), 404);
    }

    @Test
    void linkedFamilyMayReadButNotPlanOrCheckIn() {
        assertEquals(200, API.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.MARIA)).status());
        expectNoData(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.MARIA).body(VisitsApi.planBody(START, END, "w-amara")), 403);
        expectNoData(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.MARIA).body("{}"), 403);
    }

    @Test
    void providerAdminReadsButDoesNotRecordCare() {
        var read = API.call(HttpEvents.route("GET /visits/{visitId}").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.PRIYA));
        assertEquals(200, read.status());
        expectNoData(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.PRIYA).body(VisitsApi.planBody(START, END, "w-amara")), 403);
    }

    @Test
    void onlyAnAssignedWorkerChecksIn() {
        expectNoData(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.DEV).body("{}"), 403);
        expectNoData(HttpEvents.route("POST /visits/{visitId}/check-out").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.DEV).body("{}"), 403);
    }

    @Test
    void aWorkerCannotPlanForAnotherTeamsClient() {
        expectNoData(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ARTHUR)
                .as(People.AMARA).body(VisitsApi.planBody(START, END, "w-chloe")), 404);
    }

    private static void expectNoData(HttpEvents event, int status) {
        var before = API.table.snapshot();
        VisitsApi.Reply r = API.call(event);
        assertEquals(status, r.status(), () -> String.valueOf(r.json()));
        assertEquals("application/problem+json", r.contentType());
        String body = r.json().toString();
        for (String secret : new String[] {"Orchard", "Rosa", "Amara", "w-amara", "t-north", "plannedStart"}) {
            assertFalse(body.contains(secret), () -> "leaked " + secret + " in " + body);
        }
        assertEquals(before, API.table.snapshot(), "a refused request must write nothing");
    }
}
