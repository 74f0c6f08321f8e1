package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Bad input on every write route: a clear 4xx problem naming the field at fault, and nothing
 * written, aggregates included. One table for the class: each case checks it is left unchanged.
 */
class BadInputTest {

    private static final String STORY = EngagementApi.storyBody("2026-11-20", "family", "dignity");
    private static final String HEALTH = EngagementApi.healthBody("fall", "2026-11-20");
    private static final String SHIFT = EngagementApi.shiftBody("2026-11-22T08:00:00Z", "2026-11-22T12:00:00Z");
    private static final String RESPONSE = EngagementApi.responseBody(People.ROSA, 5, 5, 4, 9, "Kind and reliable");

    private static EngagementApi api;

    @BeforeAll
    static void table() {
        api = new EngagementApi();
        // An existing shift of Amara's, for the overlap case, and an earlier answer of Tom's.
        api.expect(201, EngagementApi.shift(People.AMARA, People.NORTH,
                EngagementApi.shiftBody("2026-11-21T08:00:00Z", "2026-11-21T12:00:00Z")));
        api.expect(201, EngagementApi.respond(People.TOM, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ARTHUR, 4, 4, 4, 7, null)));
    }

    @AfterAll
    static void release() {
        api = null;
    }

    private static Arguments c(String name, String body, int status, String field) {
        return Arguments.of(name, body, status, field);
    }

    static Stream<Arguments> storyCases() {
        return Stream.of(
                c("malformed JSON", "{\"title\": \"x\",", 400, null),
                c("empty body", "", 400, null),
                c("null body", "null", 400, null),
                c("array instead of object", "[1]", 400, null),
                c("unknown field", STORY.replace("{\"title\"", "{\"mood\":\"happy\",\"title\""), 400, "mood"),
                c("wrong type: title is a number", STORY.replace("\"Gardening again\"", "42"), 400, "title"),
                c("wrong type: domains is text", STORY.replace("[\"dignity\"]", "\"dignity\""), 400, "domains"),
                c("wrong type: consent is a list", STORY.replace("\"consent\":\"family\"", "\"consent\":[\"family\"]"),
                        400, "consent"),
                c("missing title", STORY.replace("\"title\":\"Gardening again\",", ""), 400, "title"),
                c("blank text", STORY.replace("Rosa planted bulbs with her granddaughter.", "   "), 400, "text"),
                c("missing date", STORY.replace("\"date\":\"2026-11-20\",", ""), 400, "date"),
                c("no domains", STORY.replace("[\"dignity\"]", "[]"), 400, "domains"),
                c("unknown domain", STORY.replace("[\"dignity\"]", "[\"dignity\",\"happiness\"]"), 400, "domains[1]"),
                c("a domain twice", STORY.replace("[\"dignity\"]", "[\"trust\",\"trust\"]"), 400, "domains[1]"),
                c("shared with an unknown audience", STORY.replace("\"consent\":\"family\"",
                        "\"consent\":\"neighbours\""), 400, "consent"),
                c("missing consent", STORY.replace(",\"consent\":\"family\"", ""), 400, "consent"),
                c("date in the future", STORY.replace("2026-11-20", "2026-11-24"), 400, "date"),
                c("date years ago", STORY.replace("2026-11-20", "2020-01-01"), 400, "date"),
                c("not a date", STORY.replace("2026-11-20", "last tuesday"), 400, "date"),
                c("title over 120", STORY.replace("Gardening again", "t".repeat(121)), 400, "title"),
                c("text over 4000", STORY.replace("Rosa planted bulbs with her granddaughter.", "t".repeat(4001)),
                        400, "text"),
                c("eleven goals", STORY.replace("[\"Out in the garden twice a week\"]",
                        "[" + "\"g\",".repeat(10) + "\"g\"]"), 400, "goals"),
                c("goal over 200", STORY.replace("Out in the garden twice a week", "g".repeat(201)), 400, "goals[0]"),
                c("blank goal", STORY.replace("Out in the garden twice a week", " "), 400, "goals[0]"),
                c("oversize body", STORY.replace("Rosa planted", "x".repeat(70_000)), 413, null));
    }

    @ParameterizedTest(name = "story: {0}")
    @MethodSource("storyCases")
    void storyRejects(String name, String body, int status, String field) {
        api.expectRejected(EngagementApi.story(People.AMARA, People.ROSA, body), status, field);
    }

    static Stream<Arguments> healthCases() {
        return Stream.of(
                c("malformed JSON", "{\"type\":", 400, null),
                c("empty body", "", 400, null),
                c("unknown field", HEALTH.replace("{\"type\"", "{\"severity\":3,\"type\""), 400, "severity"),
                c("unknown type", HEALTH.replace("\"fall\"", "\"broken-heart\""), 400, "type"),
                c("wrong type: type is a number", HEALTH.replace("\"fall\"", "3"), 400, "type"),
                c("missing type", HEALTH.replace("\"type\":\"fall\",", ""), 400, "type"),
                c("missing date", HEALTH.replace("\"date\":\"2026-11-20\",", ""), 400, "date"),
                c("date in the future", HEALTH.replace("2026-11-20", "2026-12-01"), 400, "date"),
                c("date years ago", HEALTH.replace("2026-11-20", "2019-11-20"), 400, "date"),
                c("no such day", HEALTH.replace("2026-11-20", "2026-02-30"), 400, "date"),
                c("wrong type: date is a number", HEALTH.replace("\"2026-11-20\"", "20261120"), 400, "date"),
                c("wrong type: note is a list", HEALTH.replace("\"Seen by the GP at home.\"", "[\"a\"]"), 400,
                        "note"),
                c("note over 500", HEALTH.replace("Seen by the GP at home.", "n".repeat(501)), 400, "note"),
                c("control characters in the note", HEALTH.replace("Seen by", "Seen\\u0007by"), 400, "note"));
    }

    @ParameterizedTest(name = "health event: {0}")
    @MethodSource("healthCases")
    void healthEventRejects(String name, String body, int status, String field) {
        api.expectRejected(EngagementApi.health(People.AMARA, People.ROSA, body), status, field);
    }

    static Stream<Arguments> shiftCases() {
        return Stream.of(
                c("malformed JSON", "{\"start\" \"x\"}", 400, null),
                c("empty body", "", 400, null),
                c("someone else's shift: workerId is not a field", SHIFT.replace("{\"start\"",
                        "{\"workerId\":\"w-ben\",\"start\""), 400, "workerId"),
                c("missing start", "{\"end\":\"2026-11-22T12:00:00Z\"}", 400, "start"),
                c("missing end", "{\"start\":\"2026-11-22T08:00:00Z\"}", 400, "end"),
                c("wrong type: start is a number", SHIFT.replace("\"2026-11-22T08:00:00Z\"", "1795384800"), 400,
                        "start"),
                c("not a date-time", SHIFT.replace("2026-11-22T08:00:00Z", "8am"), 400, "start"),
                c("no zone", SHIFT.replace("2026-11-22T08:00:00Z", "2026-11-22T08:00:00"), 400, "start"),
                c("end before start", EngagementApi.shiftBody("2026-11-22T12:00:00Z", "2026-11-22T08:00:00Z"), 400,
                        "end"),
                c("end equals start", EngagementApi.shiftBody("2026-11-22T12:00:00Z", "2026-11-22T12:00:00Z"), 400,
                        "end"),
                c("longer than 16 hours", EngagementApi.shiftBody("2026-11-21T18:00:00Z", "2026-11-22T10:01:00Z"),
                        400, "end"),
                c("ends in the future", EngagementApi.shiftBody("2026-11-23T08:00:00Z", "2026-11-23T12:00:00Z"), 400,
                        "end"),
                c("years ago", EngagementApi.shiftBody("2020-11-22T08:00:00Z", "2020-11-22T12:00:00Z"), 400, "start"),
                c("overlaps an earlier shift", EngagementApi.shiftBody("2026-11-21T11:00:00Z",
                        "2026-11-21T15:00:00Z"), 409, null),
                c("the same shift again", EngagementApi.shiftBody("2026-11-21T08:00:00Z", "2026-11-21T12:00:00Z"),
                        409, null));
    }

    @ParameterizedTest(name = "shift: {0}")
    @MethodSource("shiftCases")
    void shiftRejects(String name, String body, int status, String field) {
        api.expectRejected(EngagementApi.shift(People.AMARA, People.NORTH, body), status, field);
    }

    static Stream<Arguments> responseCases() {
        Function<String, String> ratings = r -> RESPONSE.replaceFirst("\\{\"positive-impact\":5,\"reliability\":5,"
                + "\"creativity\":4}", r);
        return Stream.of(
                c("malformed JSON", "{\"clientId\":\"c-rosa\",", 400, null),
                c("empty body", "", 400, null),
                c("unknown field", RESPONSE.replace("{\"clientId\"", "{\"respondentId\":\"f-tom\",\"clientId\""), 400,
                        "respondentId"),
                c("a rating of 0", ratings.apply("{\"positive-impact\":0,\"reliability\":5,\"creativity\":4}"), 400,
                        "ratings.positive-impact"),
                c("a rating of 7", ratings.apply("{\"positive-impact\":5,\"reliability\":7,\"creativity\":4}"), 400,
                        "ratings.reliability"),
                c("a rating of 3.5", ratings.apply("{\"positive-impact\":5,\"reliability\":3.5,\"creativity\":4}"),
                        400, "ratings.reliability"),
                c("a rating as text", ratings.apply("{\"positive-impact\":5,\"reliability\":\"5\",\"creativity\":4}"),
                        400, "ratings.reliability"),
                c("a null rating", ratings.apply("{\"positive-impact\":5,\"reliability\":null,\"creativity\":4}"),
                        400, "ratings.reliability"),
                c("an unknown question", ratings.apply("{\"positive-impact\":5,\"reliability\":5,\"creativity\":4,"
                        + "\"kindness\":6}"), 400, "ratings.kindness"),
                c("a question left out", ratings.apply("{\"positive-impact\":5,\"reliability\":5}"), 400,
                        "ratings.creativity"),
                c("no ratings", RESPONSE.replaceFirst("\"ratings\":\\{[^}]*},", ""), 400, "ratings"),
                c("ratings as a list", ratings.apply("[5,5,4]"), 400, "ratings"),
                c("recommend 11", RESPONSE.replace("\"recommend\":9", "\"recommend\":11"), 400, "recommend"),
                c("recommend -1", RESPONSE.replace("\"recommend\":9", "\"recommend\":-1"), 400, "recommend"),
                c("recommend missing", RESPONSE.replace("\"recommend\":9", "\"recommend\":null"), 400, "recommend"),
                c("recommend as text", RESPONSE.replace("\"recommend\":9", "\"recommend\":\"9\""), 400, "recommend"),
                c("missing clientId", RESPONSE.replace("\"clientId\":\"c-rosa\",", ""), 400, "clientId"),
                c("comment over 2000", RESPONSE.replace("Kind and reliable", "c".repeat(2001)), 400, "comment"),
                c("a 100 kB comment", RESPONSE.replace("Kind and reliable", "c".repeat(100_000)), 413, null));
    }

    @ParameterizedTest(name = "response: {0}")
    @MethodSource("responseCases")
    void responseRejects(String name, String body, int status, String field) {
        api.expectRejected(EngagementApi.respond(People.MARIA, EngagementApi.OPEN, body), status, field);
    }

    static Stream<Arguments> periodCases() {
        return Stream.of(
                Arguments.of("a closed period", EngagementApi.CLOSED, "survey-period-closed"),
                Arguments.of("a period not open yet", EngagementApi.UPCOMING, "survey-period-not-open"));
    }

    @ParameterizedTest(name = "response: {0} gets 409")
    @MethodSource("periodCases")
    void responseToAPeriodNotOpen(String name, String periodId, String type) {
        var r = api.expectRejected(EngagementApi.respond(People.MARIA, periodId, RESPONSE), 409, null);
        assertEquals("https://whatmatters.care/problems/" + type,
                r.json().get("type").asText());
    }

    @Test
    void aDifferentSecondAnswerConflicts() {
        var r = api.expectRejected(EngagementApi.respond(People.TOM, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ARTHUR, 6, 6, 6, 10, null)), 409, null);
        assertEquals("https://whatmatters.care/problems/already-answered",
                r.json().get("type").asText());
    }

    @ParameterizedTest(name = "content type {0} gets 415")
    @MethodSource("contentTypes")
    void nonJsonIsRefused(String contentType) {
        api.expectRejected(HttpEvents.route("POST /clients/{clientId}/stories").path("clientId", People.ROSA)
                .as(People.AMARA).header("content-type", contentType).body(STORY), 415, null);
        api.expectRejected(HttpEvents.route("POST /survey-periods/{periodId}/responses")
                .path("periodId", EngagementApi.OPEN).as(People.MARIA).header("content-type", contentType)
                .body(RESPONSE), 415, null);
    }

    static Stream<String> contentTypes() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded");
    }
}
