package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Schedules are the team's and the provider admin's: anyone with no relation to the client gets the 404 of an
 * unknown id and no data; the linked family, who may see the visits, get 403; nothing refused writes anything.
 */
class ScheduleAuthorisationTest {

    private static final VisitsApi API = new VisitsApi();
    private static final String ROSAS = API.expect(201, HttpEvents.route("POST /clients/{clientId}/schedules")
            .path("clientId", People.ROSA).as(People.AMARA).body(ScheduleBodies.mondaysAndThursdays()))
            .json().get("scheduleId").asText();
    private static final String ARTHURS = API.expect(201, HttpEvents.route("POST /clients/{clientId}/schedules")
            .path("clientId", People.ARTHUR).as(People.CHLOE).body(ScheduleBodies.schedule("2026-11-23",
                    ScheduleBodies.line(List.of("tuesday"), "11:00", 60, "w-chloe"))))
            .json().get("scheduleId").asText();
    private static final String CHANGE = ScheduleBodies.mondaysAndThursdays()
            .replace("{\"entries\"", "{\"version\":1,\"entries\"");

    /** Every schedule route on Rosa's schedule, by name. */
    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("create", HttpEvents.route("POST /clients/{clientId}/schedules")
                        .path("clientId", People.ROSA).body(ScheduleBodies.mondaysAndThursdays())),
                Arguments.of("list", HttpEvents.route("GET /clients/{clientId}/schedules").path("clientId", People.ROSA)),
                Arguments.of("get", HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", ROSAS)),
                Arguments.of("change", HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", ROSAS)
                        .body(CHANGE)),
                Arguments.of("end", HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", ROSAS)
                        .body("{\"validTo\":\"2026-12-01\"}")));
    }

    static Stream<Arguments> outsidersOnEveryRoute() {
        return routes().flatMap(r -> People.outsidersOfRosa().map(o -> Arguments.of(r.get()[0], o.get()[0],
                o.get()[1], o.get()[2])));
    }

    @ParameterizedTest(name = "{0} by {1}: {3}")
    @MethodSource("outsidersOnEveryRoute")
    void outsidersGetNoData(String route, String who, Map<String, String> claims, int status) {
        HttpEvents event = routes().filter(r -> r.get()[0].equals(route)).findFirst().map(r -> (HttpEvents) r.get()[1])
                .orElseThrow();
        expectNoData(event.as(claims), status);
    }

    @ParameterizedTest(name = "{0} by the linked family: 403")
    @MethodSource("routes")
    void theLinkedFamilyMayNot(String route, HttpEvents event) {
        expectNoData(event.as(People.MARIA), 403);
    }

    @Test
    void unknownIdsLookTheSameAsOtherTeamsIds() {
        var unknown = API.call(HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", "s-nope")
                .as(People.AMARA));
        var others = API.call(HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", ARTHURS)
                .as(People.AMARA));
        assertEquals(404, unknown.status());
        assertEquals(404, others.status());
        assertEquals(unknown.json().get("title"), others.json().get("title"));
        expectNoData(HttpEvents.route("GET /clients/{clientId}/schedules").path("clientId", "c-nope")
                .as(People.AMARA), 404);
        expectNoData(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", "c-nope")
                .as(People.AMARA).body(ScheduleBodies.mondaysAndThursdays()), 404);
    }

    @Test
    void someoneElsesScheduleIdCannotBeChangedOrEnded() {
        expectNoData(HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", ARTHURS).as(People.AMARA)
                .body(CHANGE), 404);
        expectNoData(HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", ARTHURS)
                .as(People.BEN).body("{\"validTo\":\"2026-12-01\"}"), 404);
        expectNoData(HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", ROSAS)
                .as(People.CHLOE).body("{\"validTo\":\"2026-12-01\"}"), 404);
    }

    @Test
    void theProviderAdminRunsAnyTeamsRota() {
        assertEquals(200, API.call(HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", ARTHURS)
                .as(People.PRIYA)).status());
        assertEquals(200, API.call(HttpEvents.route("GET /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.PRIYA)).status());
    }

    private static void expectNoData(HttpEvents event, int status) {
        var before = API.table.snapshot();
        VisitsApi.Reply r = API.call(event);
        assertEquals(status, r.status(), () -> String.valueOf(r.body()));
        assertEquals("application/problem+json", r.contentType());
        String body = r.json().toString();
        for (String secret : new String[] {"Orchard", "Rosa", "Amara", "w-amara", "t-north", "09:00"}) {
            assertFalse(body.contains(secret), () -> "leaked " + secret + " in " + body);
        }
        assertEquals(before, API.table.snapshot(), "a refused request must write nothing");
    }
}
