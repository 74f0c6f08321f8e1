package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.summaries.render.EvvCsv;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * POST /contracts/{contractId}/evv-exports: a contract's visits of a month as CSV in the private bucket, served by
 * the signed-link route with its audit trail, to the provider admin only. Bad input and everyone else get a 4xx
 * problem, and nothing is written: no table item, no file. One fixture for the class: exports are deterministic,
 * and each refusal checks that nothing changed.
 */
class EvvExportTest {

    private static final String EXPORT = "evv-ct-ridgeshire-2026-11";
    private static final String KEY = "evv/ct-ridgeshire/2026-11/evv.csv";
    private static final Map<String, String> NO_SUBJECT = Map.of("cognito:groups", "[provider-admin]");

    private static SummariesApi api;

    @BeforeAll
    static void seeded() {
        api = new SummariesApi().compileAsSchedulesWould();
        RotaVisits.seed(api);
    }

    @AfterAll
    static void release() {
        api = null;
    }

    private static List<List<String>> csv(String key) {
        return parse(new String(api.bucket.get(key), StandardCharsets.UTF_8));
    }

    static List<List<String>> parse(String csv) {
        return org.whatmatters.testing.Csv.parse(csv);
    }

    private static List<String> column(List<List<String>> rows, String name) {
        int i = EvvCsv.HEADER.indexOf(name);
        List<String> out = new ArrayList<>();
        rows.stream().skip(1).forEach(r -> out.add(r.get(i)));
        return out;
    }

    private static String cell(List<List<String>> rows, String visitId, String name) {
        return rows.stream().filter(r -> r.getFirst().equals(visitId)).findFirst().orElseThrow()
                .get(EvvCsv.HEADER.indexOf(name));
    }

    @Test
    void theAdminExportsAMonthAndDownloadsItBySignedLink() {
        SummariesApi.Reply r = api.expect(200, SummariesApi.evvExport(People.PRIYA, SummariesApi.RIDGESHIRE,
                "{\"month\":\"2026-11\"}"));
        assertEquals(EXPORT, r.json().get("summaryId").asText());
        assertEquals("evv-export", r.json().get("kind").asText());
        assertEquals(List.of("csv"), List.of(r.json().get("formats").get(0).asText()));
        assertEquals(1, r.json().get("formats").size());
        assertEquals("2026-11-23", r.json().get("dataThrough").asText());
        assertFalse(r.json().get("complete").asBoolean(), "November is not over");

        List<List<String>> rows = csv(KEY);
        assertEquals(EvvCsv.HEADER, rows.getFirst());
        // both teams' visits with a November service day, by planned start; October's v-n5 is not in it
        assertEquals(List.of("v-n1", "v-n2", "v-n3", "v-n4", "v-s1", "v-n6"), column(rows, "visit_id"));
        assertEquals(List.of("completed", "completed", "missed", "cancelled", "completed", "planned"),
                column(rows, "status"));
        assertEquals("Rosa Bennett", cell(rows, "v-n2", "client_name"));
        assertEquals("personal-care", cell(rows, "v-n2", "service_type"));
        assertEquals("2026-11-03", cell(rows, "v-n2", "service_date"));
        assertEquals(RotaVisits.ADDRESS, cell(rows, "v-n2", "address"));
        assertEquals("53.8", cell(rows, "v-n2", "latitude"));
        assertEquals("-1.57", cell(rows, "v-n2", "longitude"));
        assertEquals("w-amara; w-ben", cell(rows, "v-n2", "worker_ids"));
        assertEquals("Amara; Ben", cell(rows, "v-n2", "worker_names"));
        assertEquals("2026-11-03T09:00:00Z", cell(rows, "v-n2", "planned_start"));
        assertEquals("2026-11-03T09:00:00Z", cell(rows, "v-n2", "planned_start_local"), "GMT in November");
        assertEquals("2026-11-03T09:40:00Z", cell(rows, "v-n2", "actual_start"));
        assertEquals("2026-11-03T10:20:00Z", cell(rows, "v-n2", "actual_end"));
        assertEquals("40", cell(rows, "v-n2", "minutes_late"));
        assertEquals("60", cell(rows, "v-n2", "planned_minutes"));
        assertEquals("40", cell(rows, "v-n2", "delivered_minutes"));
        assertEquals("true", cell(rows, "v-n2", "short"));
        assertEquals("5", cell(rows, "v-n1", "minutes_late"));
        assertEquals("false", cell(rows, "v-n1", "short"));
        assertEquals("", cell(rows, "v-n3", "actual_start"));
        assertEquals("", cell(rows, "v-n3", "minutes_late"));
        assertEquals("family", cell(rows, "v-n4", "cancelled_by"));
        assertEquals("1440", cell(rows, "v-n4", "notice_minutes"));
        // a text cell a spreadsheet would run as a formula is made inert
        assertEquals("'" + RotaVisits.FORMULA_ADDRESS, cell(rows, "v-s1", "address"));

        SummariesApi.Reply link = api.expect(201, SummariesApi.link(People.PRIYA, EXPORT, null));
        assertEquals("csv", link.json().get("format").asText(), "an export is kept as CSV only");
        var file = LinksTest.download(link.json().get("url").asText());
        assertEquals(200, file.statusCode());
        assertArrayEquals(api.bucket.get(KEY), file.body());
        SummariesApi.Reply audit = api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", EXPORT));
        assertEquals(link.json().get("linkId").asText(), SummariesApi.ids(audit).getFirst());
        assertEquals("a-priya", audit.json().at("/items/0/issuedTo").asText());

        // listed for the admin; no JSON document to read
        assertTrue(SummariesApi.ids(api.expect(200, SummariesApi.list(People.PRIYA).query("limit", "50")))
                .contains(EXPORT));
        api.expectRejected(SummariesApi.document(People.PRIYA, EXPORT), 404, null);
        api.expectRejected(SummariesApi.link(People.PRIYA, EXPORT, "{\"format\":\"html\"}"), 404, null);
    }

    @Test
    void onlyTheDaysTheContractIsInForceAndItsOwnTeams() {
        // Eastvale covers the north team only
        api.expect(200, SummariesApi.evvExport(People.PRIYA, SummariesApi.EASTVALE, "{\"month\":\"2026-11\"}"));
        assertEquals(List.of("v-n1", "v-n2", "v-n3", "v-n4", "v-n6"),
                column(csv("evv/ct-eastvale/2026-11/evv.csv"), "visit_id"));
        // October: Ridgeshire's, complete, with v-n5 only
        SummariesApi.Reply october = api.expect(200, SummariesApi.evvExport(People.PRIYA, SummariesApi.RIDGESHIRE,
                "{\"month\":\"2026-10\"}"));
        assertTrue(october.json().get("complete").asBoolean());
        assertEquals("2026-10-31", october.json().get("dataThrough").asText());
        assertEquals(List.of("v-n5"), column(csv("evv/ct-ridgeshire/2026-10/evv.csv"), "visit_id"));
        // exporting again gives the same bytes
        byte[] first = api.bucket.get("evv/ct-ridgeshire/2026-10/evv.csv");
        api.expect(200, SummariesApi.evvExport(People.PRIYA, SummariesApi.RIDGESHIRE, "{\"month\":\"2026-10\"}"));
        assertArrayEquals(first, api.bucket.get("evv/ct-ridgeshire/2026-10/evv.csv"));
    }

    static Stream<Arguments> notTheAdmin() {
        return Stream.of(
                Arguments.of("the contract's commissioner", People.KEITH, 403),
                Arguments.of("another commissioner", People.RUTH, 403),
                Arguments.of("a worker of a team of the contract", People.AMARA, 403),
                Arguments.of("a family member", People.MARIA, 403),
                Arguments.of("a caller with no role", People.NOBODY, 403),
                Arguments.of("a token without a subject", NO_SUBJECT, 401));
    }

    @ParameterizedTest(name = "export: {0} -> {2}")
    @MethodSource("notTheAdmin")
    void onlyTheAdminExports(String who, Map<String, String> claims, int status) {
        List<String> files = api.bucket.keys();
        api.expectRejected(SummariesApi.evvExport(claims, SummariesApi.RIDGESHIRE, "{\"month\":\"2026-11\"}"), status,
                null);
        api.expectRejected(SummariesApi.evvExport(claims, "ct-unknown", "{\"month\":\"2026-11\"}"), status, null);
        assertEquals(files, api.bucket.keys(), "no file written");
    }

    @ParameterizedTest(name = "an export's link, document and listing: {0} -> 404")
    @MethodSource("notTheAdmin")
    void nobodyButTheAdminReachesAnExport(String who, Map<String, String> claims, int status) {
        api.expect(200, SummariesApi.evvExport(People.PRIYA, SummariesApi.RIDGESHIRE, "{\"month\":\"2026-11\"}"));
        int expected = status == 401 ? 401 : claims == People.NOBODY ? 403 : 404;
        int audited = auditOf(EXPORT);
        for (String format : List.of("{\"format\":\"csv\"}", "{}")) {
            SummariesApi.Reply r = api.expectRejected(SummariesApi.link(claims, EXPORT, format), expected, null);
            assertFalse(r.body().contains("evv/"), "nothing of the export");
        }
        api.expectRejected(SummariesApi.document(claims, EXPORT), expected, null);
        if (claims == People.KEITH || claims == People.RUTH) {
            assertFalse(SummariesApi.ids(api.expect(200, SummariesApi.list(claims).query("limit", "50")))
                    .contains(EXPORT), "not in a commissioner's listing");
        }
        assertEquals(audited, auditOf(EXPORT), "no link issued, none audited");
    }

    private static int auditOf(String summaryId) {
        return api.expect(200, SummariesApi.links(People.PRIYA).query("summaryId", summaryId).query("limit", "100"))
                .json().get("items").size();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("an unknown contract", "ct-unknown", "{\"month\":\"2026-11\"}", 404, null),
                Arguments.of("a malformed contract id", "ct ../x", "{\"month\":\"2026-11\"}", 400, "contractId"),
                Arguments.of("month 13", SummariesApi.RIDGESHIRE, "{\"month\":\"2026-13\"}", 400, "month"),
                Arguments.of("month without its zero", SummariesApi.RIDGESHIRE, "{\"month\":\"2026-1\"}", 400, "month"),
                Arguments.of("a day, not a month", SummariesApi.RIDGESHIRE, "{\"month\":\"2026-11-01\"}", 400, "month"),
                Arguments.of("a month in words", SummariesApi.RIDGESHIRE, "{\"month\":\"november\"}", 400, "month"),
                Arguments.of("a month as a number", SummariesApi.RIDGESHIRE, "{\"month\":202611}", 400, "month"),
                Arguments.of("no month", SummariesApi.RIDGESHIRE, "{}", 400, "month"),
                Arguments.of("a month in the future", SummariesApi.RIDGESHIRE, "{\"month\":\"2026-12\"}", 400, "month"),
                Arguments.of("a month years ahead", SummariesApi.RIDGESHIRE, "{\"month\":\"2099-01\"}", 400, "month"),
                Arguments.of("a month before the contract", SummariesApi.EASTVALE, "{\"month\":\"2026-09\"}", 409, null),
                Arguments.of("an unknown field", SummariesApi.RIDGESHIRE,
                        "{\"month\":\"2026-11\",\"teamId\":\"t-north\"}", 400, "teamId"),
                Arguments.of("malformed JSON", SummariesApi.RIDGESHIRE, "{\"month\":", 400, null),
                Arguments.of("a JSON null", SummariesApi.RIDGESHIRE, "null", 400, null),
                Arguments.of("an array", SummariesApi.RIDGESHIRE, "[\"2026-11\"]", 400, null),
                Arguments.of("no body", SummariesApi.RIDGESHIRE, null, 400, null),
                Arguments.of("an oversize body", SummariesApi.RIDGESHIRE,
                        "{\"month\":\"" + "x".repeat(HttpApiHandler.MAX_BODY_BYTES) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "export: {0} -> {3}")
    @MethodSource("badInput")
    void badInputIsRefusedAndWritesNothing(String name, String contractId, String body, int status, String field) {
        List<String> files = api.bucket.keys();
        api.expectRejected(SummariesApi.evvExport(People.PRIYA, contractId, body), status, field);
        assertEquals(files, api.bucket.keys(), "no file written");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpEvents e = SummariesApi.evvExport(People.PRIYA, SummariesApi.RIDGESHIRE, null)
                .header("content-type", "text/plain").body("{\"month\":\"2026-11\"}");
        api.expectRejected(e, 415, null);
    }
}
