package org.whatmatters.functions.summaries;

import static org.whatmatters.functions.summaries.SummariesApi.CS_OPEN;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Bad input: a clear 4xx problem naming the field at fault, and nothing written (no link audit entry,
 * no catalogue change). One fixture for the class: each case checks the table is left unchanged.
 */
class BadInputTest {

    private static SummariesApi api;

    @BeforeAll
    static void compiled() {
        api = new SummariesApi().compileAsSchedulesWould();
    }

    @AfterAll
    static void release() {
        api = null;
    }

    private static Arguments c(String name, String body, int status, String field) {
        return Arguments.of(name, body, status, field);
    }

    static Stream<Arguments> linkCases() {
        return Stream.of(
                c("lifetime one second over the maximum", "{\"lifetimeSeconds\":3601}", 400, "lifetimeSeconds"),
                c("lifetime 0", "{\"lifetimeSeconds\":0}", 400, "lifetimeSeconds"),
                c("lifetime negative", "{\"format\":\"csv\",\"lifetimeSeconds\":-60}", 400, "lifetimeSeconds"),
                c("lifetime is text", "{\"lifetimeSeconds\":\"abc\"}", 400, "lifetimeSeconds"),
                c("lifetime is a number in text", "{\"lifetimeSeconds\":\"900\"}", 400, "lifetimeSeconds"),
                c("lifetime is a fraction", "{\"lifetimeSeconds\":1.5}", 400, "lifetimeSeconds"),
                c("lifetime is a list", "{\"lifetimeSeconds\":[900]}", 400, "lifetimeSeconds"),
                c("lifetime beyond any whole number", "{\"lifetimeSeconds\":99999999999}", 400, null),
                c("format pdf", "{\"format\":\"pdf\"}", 400, "format"),
                c("format in capitals", "{\"format\":\"HTML\"}", 400, "format"),
                c("format blank", "{\"format\":\"\"}", 400, "format"),
                c("format is a number", "{\"format\":3}", 400, "format"),
                c("format is an object", "{\"format\":{\"type\":\"csv\"}}", 400, "format"),
                c("unknown field", "{\"format\":\"csv\",\"expiresAt\":\"2026-12-01T00:00:00Z\"}", 400, "expiresAt"),
                c("someone else's name in the body", "{\"issuedTo\":\"k-ruth\"}", 400, "issuedTo"),
                c("malformed JSON", "{\"format\":\"csv\",", 400, null),
                c("not JSON at all", "format=csv", 400, null),
                c("a JSON null", "null", 400, null),
                c("an array", "[\"csv\"]", 400, null),
                c("text", "\"csv\"", 400, null),
                c("trailing tokens", "{\"format\":\"csv\"} {}", 400, null),
                c("a field twice", "{\"format\":\"csv\",\"format\":\"html\"}", 400, null),
                c("oversize body", "{\"format\":\"" + "x".repeat(HttpApiHandler.MAX_BODY_BYTES) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "link: {0}")
    @MethodSource("linkCases")
    void linkRejects(String name, String body, int status, String field) {
        api.expectRejected(SummariesApi.link(People.KEITH, CS_OPEN, body), status, field);
    }

    @Test
    void bothFieldsWrongAreBothNamed() {
        var r = api.expectRejected(SummariesApi.link(People.PRIYA, CS_OPEN,
                "{\"format\":\"pdf\",\"lifetimeSeconds\":0}"), 400, "format");
        org.junit.jupiter.api.Assertions.assertTrue(r.json().get("errors").findValuesAsText("field")
                .contains("lifetimeSeconds"), r::body);
    }

    @ParameterizedTest(name = "link sent as {0}: 415")
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "text/csv; charset=utf-8"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        api.expectRejected(SummariesApi.link(People.KEITH, CS_OPEN, null).header("content-type", contentType)
                .body("{\"format\":\"csv\"}"), 415, null);
    }

    @ParameterizedTest(name = "link sent as {0} with JSON: accepted")
    @CsvSource({"application/json; charset=utf-8", "application/merge-patch+json"})
    void jsonMediaTypesAreAccepted(String contentType) {
        api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, null).header("content-type", contentType)
                .body("{\"format\":\"csv\"}"));
    }

    static Stream<Arguments> queryCases() {
        return Stream.of(
                Arguments.of("audit: from is not a time", SummariesApi.links(People.PRIYA).query("from", "noon"),
                        "from"),
                Arguments.of("audit: to before from", SummariesApi.links(People.PRIYA).query("from", "2026-11-23")
                        .query("to", "2026-11-22"), "to"),
                Arguments.of("audit: limit 0", SummariesApi.links(People.PRIYA).query("limit", "0"), "limit"),
                Arguments.of("audit: summaryId is not an id", SummariesApi.links(People.PRIYA)
                        .query("summaryId", "cs sp/../x"), "summaryId"),
                Arguments.of("audit: a cursor from elsewhere", SummariesApi.links(People.PRIYA)
                        .query("cursor", "eyJQSyI6IngifQ"), "cursor"),
                Arguments.of("dashboard: month 13", SummariesApi.dashboard(People.AMARA, People.NORTH)
                        .query("month", "2026-13"), "month"),
                Arguments.of("dashboard: month as a date", SummariesApi.dashboard(People.AMARA, People.NORTH)
                        .query("month", "2026-10-01"), "month"),
                Arguments.of("dashboard: month in words", SummariesApi.dashboard(People.PRIYA, People.NORTH)
                        .query("month", "october"), "month"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryCases")
    void badQueriesAre400(String name, HttpEvents event, String field) {
        api.expectRejected(event, 400, field);
    }
}
