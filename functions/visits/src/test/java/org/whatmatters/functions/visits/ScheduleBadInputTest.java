package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Bad input on every schedule route: a 4xx problem naming the field at fault, and nothing written. */
class ScheduleBadInputTest {

    private static final String GOOD = ScheduleBodies.mondaysAndThursdays();
    private static final String LINE = ScheduleBodies.line(List.of("monday"), "09:00", 60, "w-amara");

    private static VisitsApi api;
    private static String scheduleId;

    @BeforeAll
    static void oneSchedule() {
        api = new VisitsApi();
        var r = api.expect(201, HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.AMARA).body(ScheduleBodies.schedule("2026-11-23",
                        ScheduleBodies.line(List.of("friday"), "15:00", 30, "w-ben"))));
        scheduleId = r.json().get("scheduleId").asText();
    }

    private static String withLine(String line) {
        return ScheduleBodies.schedule("2026-11-23", line);
    }

    static Stream<Arguments> scheduleCases() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"entries\":[", 400, null),
                Arguments.of("empty body", "", 400, null),
                Arguments.of("array instead of object", "[]", 400, null),
                Arguments.of("unknown field", GOOD.replace("{\"entries\"", "{\"rate\":3,\"entries\""), 400, "rate"),
                Arguments.of("missing entries", "{\"location\":" + ScheduleBodies.ADDRESS
                        + ",\"validFrom\":\"2026-11-23\"}", 400, "entries"),
                Arguments.of("no entries", ScheduleBodies.schedule("2026-11-23"), 400, "entries"),
                Arguments.of("21 entries", ScheduleBodies.schedule("2026-11-23",
                        java.util.Collections.nCopies(21, LINE).toArray(String[]::new)), 400, "entries"),
                Arguments.of("entry is null", ScheduleBodies.schedule("2026-11-23", "null"), 400, "entries[0]"),
                Arguments.of("no days", withLine(LINE.replace("[\"monday\"]", "[]")), 400, "entries[0].days"),
                Arguments.of("missing days", withLine(LINE.replace("\"days\":[\"monday\"],", "")), 400,
                        "entries[0].days"),
                Arguments.of("not a day", withLine(LINE.replace("monday", "funday")), 400, "entries[0].days[0]"),
                Arguments.of("a day twice", withLine(LINE.replace("[\"monday\"]", "[\"monday\",\"monday\"]")), 400,
                        "entries[0].days"),
                Arguments.of("days is text", withLine(LINE.replace("[\"monday\"]", "\"monday\"")), 400,
                        "entries[0].days"),
                Arguments.of("start 25:00", withLine(LINE.replace("09:00", "25:00")), 400, "entries[0].start"),
                Arguments.of("start 9am", withLine(LINE.replace("09:00", "9am")), 400, "entries[0].start"),
                Arguments.of("start with seconds", withLine(LINE.replace("09:00", "09:00:00")), 400,
                        "entries[0].start"),
                Arguments.of("missing start", withLine(LINE.replace("\"start\":\"09:00\",", "")), 400,
                        "entries[0].start"),
                Arguments.of("10 minutes", withLine(LINE.replace(":60,", ":10,")), 400, "entries[0].durationMinutes"),
                Arguments.of("13 hours", withLine(LINE.replace(":60,", ":780,")), 400, "entries[0].durationMinutes"),
                Arguments.of("duration as text", withLine(LINE.replace(":60,", ":\"60\",")), 400,
                        "entries[0].durationMinutes"),
                Arguments.of("unknown service type", withLine(LINE.replace("personal-care", "gardening")), 400,
                        "entries[0].serviceType"),
                Arguments.of("missing service type", withLine(LINE.replace("\"serviceType\":\"personal-care\",", "")),
                        400, "entries[0].serviceType"),
                Arguments.of("unknown worker", withLine(ScheduleBodies.line(List.of("monday"), "09:00", 60, "w-amara",
                        "w-ghost")), 400, "entries[0].preferredWorkers[1]"),
                Arguments.of("worker of another team", withLine(ScheduleBodies.line(List.of("monday"), "09:00", 60,
                        "w-chloe")), 400, "entries[0].preferredWorkers[0]"),
                Arguments.of("no workers", withLine(ScheduleBodies.line(List.of("monday"), "09:00", 60)), 400,
                        "entries[0].preferredWorkers"),
                Arguments.of("five workers", withLine(ScheduleBodies.line(List.of("monday"), "09:00", 60, "w-amara",
                        "w-ben", "w-dev", "w-amara", "w-ben")), 400, "entries[0].preferredWorkers"),
                Arguments.of("a worker twice", withLine(ScheduleBodies.line(List.of("monday"), "09:00", 60, "w-ben",
                        "w-ben")), 400, "entries[0].preferredWorkers"),
                Arguments.of("bad entry id", withLine(LINE.replace("{\"days\"", "{\"entryId\":\"no spaces\",\"days\"")),
                        400, "entries[0].entryId"),
                Arguments.of("an entry id twice", ScheduleBodies.schedule("2026-11-23",
                        LINE.replace("{\"days\"", "{\"entryId\":\"e-1\",\"days\""),
                        LINE.replace("{\"days\"", "{\"entryId\":\"e-1\",\"days\"").replace("monday", "friday")), 400,
                        "entries[1].entryId"),
                Arguments.of("missing location", GOOD.replace(",\"location\":" + ScheduleBodies.ADDRESS, ""), 400,
                        "location"),
                Arguments.of("location without address", GOOD.replace(ScheduleBodies.ADDRESS, "{\"latitude\":53.8,"
                        + "\"longitude\":-1.5}"), 400, "location.address"),
                Arguments.of("latitude out of range", GOOD.replace(ScheduleBodies.ADDRESS, "{\"address\":\"x\","
                        + "\"latitude\":91,\"longitude\":0}"), 400, "location.latitude"),
                Arguments.of("missing validFrom", GOOD.replace(",\"validFrom\":\"2026-11-23\"", ""), 400, "validFrom"),
                Arguments.of("validFrom not a date", GOOD.replace("2026-11-23", "23/11/2026"), 400, "validFrom"),
                Arguments.of("validFrom years ahead", GOOD.replace("2026-11-23", "2028-06-01"), 400, "validFrom"),
                Arguments.of("validTo before validFrom", GOOD.replace("\"validFrom\":\"2026-11-23\"",
                        "\"validFrom\":\"2026-11-23\",\"validTo\":\"2026-11-22\""), 400, "validTo"));
    }

    @ParameterizedTest(name = "create: {0}")
    @MethodSource("scheduleCases")
    void createRejects(String name, String body, int status, String field) {
        api.expectRejected(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.AMARA).body(body), status, field);
    }

    @ParameterizedTest(name = "change: {0}")
    @MethodSource("scheduleCases")
    void changeRejects(String name, String body, int status, String field) {
        String versioned = body.startsWith("{\"") ? body.replaceFirst("^\\{", "{\"version\":1,") : body;
        api.expectRejected(HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", scheduleId)
                .as(People.AMARA).body(versioned), status, field);
    }

    @ParameterizedTest(name = "change: {0}")
    @MethodSource("changeOnly")
    void changeRejectsWithoutAUsableVersion(String name, String body, int status, String field) {
        api.expectRejected(HttpEvents.route("PUT /schedules/{scheduleId}").path("scheduleId", scheduleId)
                .as(People.AMARA).body(body), status, field);
    }

    static Stream<Arguments> changeOnly() {
        return Stream.of(
                Arguments.of("missing version", GOOD, 400, "version"),
                Arguments.of("version as text", GOOD.replace("{\"entries\"", "{\"version\":\"1\",\"entries\""), 400,
                        "version"),
                Arguments.of("stale version", GOOD.replace("{\"entries\"", "{\"version\":2,\"entries\""), 409, null));
    }

    static Stream<Arguments> endCases() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"validTo\":", 400, null),
                Arguments.of("empty object", "{}", 400, "validTo"),
                Arguments.of("null body", "null", 400, null),
                Arguments.of("unknown field", "{\"validTo\":\"2026-12-01\",\"why\":\"x\"}", 400, "why"),
                Arguments.of("not a date", "{\"validTo\":\"soon\"}", 400, "validTo"),
                Arguments.of("a number", "{\"validTo\":20261201}", 400, "validTo"),
                Arguments.of("before validFrom", "{\"validTo\":\"2026-11-22\"}", 400, "validTo"));
    }

    @ParameterizedTest(name = "end: {0}")
    @MethodSource("endCases")
    void endRejects(String name, String body, int status, String field) {
        api.expectRejected(HttpEvents.route("POST /schedules/{scheduleId}/end").path("scheduleId", scheduleId)
                .as(People.AMARA).body(body), status, field);
    }

    @ParameterizedTest(name = "create: content type {0}")
    @MethodSource("contentTypes")
    void createRejectsNonJson(String contentType) {
        api.expectRejected(HttpEvents.route("POST /clients/{clientId}/schedules").path("clientId", People.ROSA)
                .as(People.AMARA).header("content-type", contentType).body(GOOD), 415, null);
    }

    static Stream<String> contentTypes() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded");
    }

    @ParameterizedTest(name = "read: {0}")
    @MethodSource("badIds")
    void malformedIdsAreNotFound(String id) {
        var r = api.call(HttpEvents.route("GET /schedules/{scheduleId}").path("scheduleId", id).as(People.AMARA));
        assertEquals(404, r.status(), r::body);
        assertEquals("application/problem+json", r.contentType());
    }

    static Stream<String> badIds() {
        return Stream.of("s-nope", "has space", "x".repeat(65));
    }
}
