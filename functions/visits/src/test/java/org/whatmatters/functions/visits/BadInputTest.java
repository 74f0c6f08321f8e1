package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Bad input on every write route: a clear 4xx problem naming the field at fault, and nothing written. */
class BadInputTest {

    private static final String START = "2026-11-24T09:00:00Z";
    private static final String END = "2026-11-24T10:00:00Z";
    private static final String BIG = "x".repeat(501);

    private static VisitsApi api;

    @BeforeEach
    void freshTable() {
        api = new VisitsApi();
    }

    static Stream<Arguments> planCases() {
        return Stream.of(
                planCase("malformed JSON", "{\"serviceType\": \"personal-care\",", 400, null),
                planCase("empty body", "", 400, null),
                planCase("array instead of object", "[1,2]", 400, null),
                planCase("unknown field", VisitsApi.planBody(START, END, "w-amara").replace("{\"serviceType\"",
                        "{\"fee\":12,\"serviceType\""), 400, "fee"),
                planCase("wrong type: start is a number",
                        VisitsApi.planBody(START, END, "w-amara").replace("\"" + START + "\"", "1795424400"), 400,
                        "plannedStart"),
                planCase("wrong type: workerIds is text",
                        VisitsApi.planBody(START, END, "w-amara").replace("[\"w-amara\"]", "\"w-amara\""), 400,
                        "workerIds"),
                planCase("wrong type: service type is a number",
                        VisitsApi.planBody(START, END, "w-amara").replace("\"personal-care\"", "7"), 400,
                        "serviceType"),
                planCase("unknown service type",
                        VisitsApi.planBody(START, END, "w-amara").replace("personal-care", "hoovering"), 400,
                        "serviceType"),
                planCase("missing service type",
                        VisitsApi.planBody(START, END, "w-amara").replace("\"serviceType\":\"personal-care\",", ""),
                        400, "serviceType"),
                planCase("missing location", """
                        {"serviceType":"personal-care","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"]}"""
                        .formatted(START, END), 400, "location"),
                planCase("missing workers", VisitsApi.planBody(START, END), 400, "workerIds"),
                planCase("end before start", VisitsApi.planBody(END, START, "w-amara"), 400, "plannedEnd"),
                planCase("end equals start", VisitsApi.planBody(START, START, "w-amara"), 400, "plannedEnd"),
                planCase("longer than 12 hours", VisitsApi.planBody(START, "2026-11-25T09:00:00Z", "w-amara"), 400,
                        "plannedEnd"),
                planCase("start years ahead", VisitsApi.planBody("2031-01-01T09:00:00Z", "2031-01-01T10:00:00Z",
                        "w-amara"), 400, "plannedStart"),
                planCase("unknown worker", VisitsApi.planBody(START, END, "w-amara", "w-ghost"), 400,
                        "workerIds[1]"),
                planCase("worker of another team", VisitsApi.planBody(START, END, "w-chloe"), 400, "workerIds[0]"),
                planCase("worker named twice", VisitsApi.planBody(START, END, "w-amara", "w-amara"), 400,
                        "workerIds"),
                planCase("latitude without longitude", VisitsApi.planBody(START, END, "w-amara")
                        .replace("{\"address\":\"14 Orchard Lane\"}", "{\"address\":\"x\",\"latitude\":53.8}"), 400,
                        "location"),
                planCase("latitude out of range", VisitsApi.planBody(START, END, "w-amara")
                        .replace("{\"address\":\"14 Orchard Lane\"}",
                                "{\"address\":\"x\",\"latitude\":91,\"longitude\":0}"), 400, "location.latitude"),
                planCase("not a date-time", VisitsApi.planBody("next tuesday", END, "w-amara"), 400, "plannedStart"),
                planCase("oversize body", VisitsApi.planBody(START, END, "w-amara")
                        .replace("14 Orchard Lane", "x".repeat(70_000)), 413, null),
                planCase("oversize address", VisitsApi.planBody(START, END, "w-amara")
                        .replace("14 Orchard Lane", "x".repeat(201)), 400, "location.address"));
    }

    private static Arguments planCase(String name, String body, int status, String field) {
        return Arguments.of(name, body, status, field);
    }

    @ParameterizedTest(name = "plan: {0}")
    @MethodSource("planCases")
    void planRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.AMARA).body(body), status, field);
    }

    @ParameterizedTest(name = "plan: content type {0}")
    @MethodSource("contentTypes")
    void planRejectsNonJson(String contentType) {
        expectRejected(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.AMARA).header("content-type", contentType)
                .body(VisitsApi.planBody(START, END, "w-amara")), 415, null);
    }

    static Stream<String> contentTypes() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded");
    }

    static Stream<Arguments> checkInCases() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"at\":", 400, null),
                Arguments.of("unknown field", "{\"mood\":\"fine\"}", 400, "mood"),
                Arguments.of("wrong type: at is a boolean", "{\"at\":true}", 400, "at"),
                Arguments.of("wrong type: note is a number", "{\"note\":42}", 400, "note"),
                Arguments.of("not a date-time", "{\"at\":\"23/11/2026 09:00\"}", 400, "at"),
                Arguments.of("in the future", "{\"at\":\"2026-11-23T11:00:00Z\"}", 400, "at"),
                Arguments.of("a day from the planned start", "{\"at\":\"2026-11-22T08:00:00Z\"}", 400, "at"),
                Arguments.of("oversize note", "{\"note\":\"" + BIG + "\"}", 400, "note"),
                Arguments.of("location without address", "{\"location\":{\"latitude\":1,\"longitude\":1}}", 400,
                        "location.address"),
                Arguments.of("empty body", "", 400, null),
                Arguments.of("null body", "null", 400, null));
    }

    @ParameterizedTest(name = "check-in: {0}")
    @MethodSource("checkInCases")
    void checkInRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body(body), status, field);
    }

    static Stream<Arguments> checkOutCases() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"at\" \"x\"}", 400, null),
                Arguments.of("unknown field", "{\"signature\":\"AB\"}", 400, "signature"),
                Arguments.of("wrong type: at is a number", "{\"at\":5}", 400, "at"),
                Arguments.of("wrong type: whatMattered is a list", "{\"whatMattered\":[\"a\"]}", 400, "whatMattered"),
                Arguments.of("in the future", "{\"at\":\"2026-11-24T09:00:00Z\"}", 400, "at"),
                Arguments.of("before check-in", "{\"at\":\"2026-11-23T09:01:00Z\"}", 400, "at"),
                Arguments.of("oversize note", "{\"note\":\"" + BIG + "\"}", 400, "note"),
                Arguments.of("oversize what mattered", "{\"whatMattered\":\"" + "y".repeat(1001) + "\"}", 400,
                        "whatMattered"),
                Arguments.of("duplicate key", "{\"note\":\"a\",\"note\":\"b\"}", 400, null),
                Arguments.of("trailing garbage", "{\"note\":\"a\"} {}", 400, null));
    }

    @ParameterizedTest(name = "check-out: {0}")
    @MethodSource("checkOutCases")
    void checkOutRejects(String name, String body, int status, String field) {
        var in = api.call(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body("{\"at\":\"2026-11-23T09:05:00Z\"}"));
        assertEquals(200, in.status());
        expectRejected(HttpEvents.route("POST /visits/{visitId}/check-out").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body(body), status, field);
    }

    static Stream<Arguments> cancelCases() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"requestedBy\":", 400, null),
                Arguments.of("empty object", "{}", 400, "requestedBy"),
                Arguments.of("unknown field", "{\"requestedBy\":\"client\",\"reason\":\"x\",\"fee\":1}", 400, "fee"),
                Arguments.of("unknown requester", "{\"requestedBy\":\"neighbour\",\"reason\":\"x\"}", 400,
                        "requestedBy"),
                Arguments.of("requester spelt in capitals", "{\"requestedBy\":\"CLIENT\",\"reason\":\"x\"}", 400,
                        "requestedBy"),
                Arguments.of("missing reason", "{\"requestedBy\":\"client\"}", 400, "reason"),
                Arguments.of("blank reason", "{\"requestedBy\":\"client\",\"reason\":\"  \"}", 400, "reason"),
                Arguments.of("oversize reason", "{\"requestedBy\":\"client\",\"reason\":\"" + BIG + "\"}", 400,
                        "reason"),
                Arguments.of("asked in the future",
                        "{\"requestedBy\":\"client\",\"reason\":\"x\",\"askedAt\":\"2026-11-24T09:00:00Z\"}", 400,
                        "askedAt"),
                Arguments.of("asked before the visit was planned",
                        "{\"requestedBy\":\"client\",\"reason\":\"x\",\"askedAt\":\"2026-11-01T09:00:00Z\"}", 400,
                        "askedAt"),
                Arguments.of("askedAt not a date-time",
                        "{\"requestedBy\":\"client\",\"reason\":\"x\",\"askedAt\":\"yesterday\"}", 400, "askedAt"));
    }

    @ParameterizedTest(name = "cancel: {0}")
    @MethodSource("cancelCases")
    void cancelRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /visits/{visitId}/cancel").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body(body), status, field);
    }

    static Stream<Arguments> rescheduleCases() {
        String times = "{\"plannedStart\":\"%s\",\"plannedEnd\":\"%s\"}";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"plannedStart\"", 400, null),
                Arguments.of("nothing to change", "{}", 400, "plannedStart"),
                Arguments.of("unknown field", "{\"workerIds\":[\"w-ben\"],\"room\":2}", 400, "room"),
                Arguments.of("start without end", "{\"plannedStart\":\"" + START + "\"}", 400, "plannedEnd"),
                Arguments.of("end without start", "{\"plannedEnd\":\"" + END + "\"}", 400, "plannedStart"),
                Arguments.of("end before start", times.formatted(END, START), 400, "plannedEnd"),
                Arguments.of("longer than 12 hours", times.formatted(START, "2026-11-25T09:00:00Z"), 400, "plannedEnd"),
                Arguments.of("start years ahead", times.formatted("2031-01-01T09:00:00Z", "2031-01-01T10:00:00Z"), 400,
                        "plannedStart"),
                Arguments.of("no workers", "{\"workerIds\":[]}", 400, "workerIds"),
                Arguments.of("a worker twice", "{\"workerIds\":[\"w-ben\",\"w-ben\"]}", 400, "workerIds"),
                Arguments.of("five workers", "{\"workerIds\":[\"w-amara\",\"w-ben\",\"w-dev\",\"w-x\",\"w-y\"]}",
                        400, "workerIds"),
                Arguments.of("another team's worker", "{\"workerIds\":[\"w-chloe\"]}", 400, "workerIds[0]"),
                Arguments.of("workers not a list", "{\"workerIds\":\"w-ben\"}", 400, "workerIds"));
    }

    @ParameterizedTest(name = "reschedule: {0}")
    @MethodSource("rescheduleCases")
    void rescheduleRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /visits/{visitId}/reschedule").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body(body), status, field);
    }

    static Stream<Arguments> changesOfAVisitNoLongerPlanned() {
        String cancel = "{\"requestedBy\":\"provider\",\"reason\":\"Snow\"}";
        String move = "{\"workerIds\":[\"w-ben\"]}";
        String in = "{\"at\":\"2026-11-23T10:00:00Z\"}";
        return Stream.of(
                Arguments.of("cancel after check-in", "check-in", in, "cancel", cancel),
                Arguments.of("move after check-in", "check-in", in, "reschedule", move),
                Arguments.of("cancel twice", "cancel", cancel, "cancel", cancel),
                Arguments.of("move a cancelled visit", "cancel", cancel, "reschedule", move),
                Arguments.of("check in to a cancelled visit", "cancel", cancel, "check-in", in));
    }

    @ParameterizedTest(name = "409: {0}")
    @MethodSource("changesOfAVisitNoLongerPlanned")
    void changesOfAVisitNoLongerPlannedConflict(String name, String first, String firstBody, String then,
                                                String thenBody) {
        var done = api.withNextVisit().call(HttpEvents.route("POST /visits/{visitId}/" + first).path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.AMARA).body(firstBody));
        assertEquals(200, done.status(), done.json()::toString);
        expectRejected(HttpEvents.route("POST /visits/{visitId}/" + then).path("visitId", VisitsApi.NEXT_VISIT)
                .as(People.AMARA).body(thenBody), 409, null);
    }

    static Stream<Arguments> transitions() {
        UnaryOperator<VisitsApi> none = a -> a;
        UnaryOperator<VisitsApi> checkedIn = a -> {
            assertEquals(200, a.call(HttpEvents.route("POST /visits/{visitId}/check-in")
                    .path("visitId", VisitsApi.SAMPLE_VISIT).as(People.AMARA)
                    .body("{\"at\":\"2026-11-23T09:05:00Z\"}")).status());
            return a;
        };
        UnaryOperator<VisitsApi> checkedOut = a -> {
            checkedIn.apply(a);
            assertEquals(200, a.call(HttpEvents.route("POST /visits/{visitId}/check-out")
                    .path("visitId", VisitsApi.SAMPLE_VISIT).as(People.AMARA).body("{}")).status());
            return a;
        };
        return Stream.of(
                Arguments.of("check-out before check-in", none, "check-out"),
                Arguments.of("double check-in", checkedIn, "check-in"),
                Arguments.of("check-in after check-out", checkedOut, "check-in"),
                Arguments.of("double check-out", checkedOut, "check-out"));
    }

    @ParameterizedTest(name = "409: {0}")
    @MethodSource("transitions")
    void illegalTransitionsConflict(String name, UnaryOperator<VisitsApi> before, String action) {
        before.apply(api);
        expectRejected(HttpEvents.route("POST /visits/{visitId}/" + action).path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.BEN).body("{}"), 409, null);
    }

    private static void expectRejected(HttpEvents event, int status, String field) {
        api.expectRejected(event, status, field);
    }
}
