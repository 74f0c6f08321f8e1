package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.whatmatters.functions.summaries.SummariesApi.CS_CLOSED;
import static org.whatmatters.functions.summaries.SummariesApi.CS_EASTVALE;
import static org.whatmatters.functions.summaries.SummariesApi.CS_OPEN;
import static org.whatmatters.functions.summaries.SummariesApi.TD_NORTH_OCT;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.People;

/**
 * Who may do what. A summary the caller may not see is 404 exactly as an unknown one is (existence
 * does not leak), and a refused request writes nothing: no audit entry, no catalogue change, no file.
 */
class AuthorisationTest {

    /** A commissioner whose token carries no organisation. */
    private static final Map<String, String> NO_ORGANISATION = Map.of("sub", "k-lost", "cognito:groups",
            "[commissioner]");
    /** A worker whose token names no team. */
    private static final Map<String, String> NO_TEAM = Map.of("sub", "w-new", "cognito:groups", "[worker]",
            "custom:provider_id", "p-riverside");
    private static final Map<String, String> NO_SUBJECT = Map.of("cognito:groups", "[provider-admin]");

    private static SummariesApi api;

    @BeforeAll
    static void compiled() {
        api = new SummariesApi().compileAsSchedulesWould();
    }

    @AfterAll
    static void release() {
        api = null;
    }

    static Stream<Arguments> linkOutsiders() {
        return Stream.of(
                Arguments.of("another council's commissioner", People.RUTH, CS_OPEN, 404),
                Arguments.of("a commissioner, for another council's summary", People.KEITH, CS_EASTVALE, 404),
                Arguments.of("a commissioner, for a team dashboard", People.KEITH, TD_NORTH_OCT, 404),
                Arguments.of("a commissioner without an organisation", NO_ORGANISATION, CS_OPEN, 404),
                Arguments.of("a family member", People.MARIA, CS_OPEN, 404),
                Arguments.of("a worker, for a summary", People.AMARA, CS_OPEN, 404),
                Arguments.of("a worker, for their own team's dashboard", People.AMARA, TD_NORTH_OCT, 404),
                Arguments.of("a worker of another team", People.CHLOE, CS_CLOSED, 404),
                Arguments.of("a commissioner, unknown summary", People.KEITH, "cs-sp-1999-q1", 404),
                Arguments.of("the admin, unknown summary", People.PRIYA, "cs-nothing", 404),
                Arguments.of("the admin, malformed id", People.PRIYA, "cs sp..%2F", 404),
                Arguments.of("a caller with no role", People.NOBODY, CS_OPEN, 403),
                Arguments.of("a token without a subject", NO_SUBJECT, CS_OPEN, 401));
    }

    @ParameterizedTest(name = "link: {0} -> {3}")
    @MethodSource("linkOutsiders")
    void outsidersGetNoLinkAndNothingIsAudited(String who, Map<String, String> claims, String summaryId, int status) {
        int audited = auditSize();
        // A malformed id is as unknown as any other on a read, but a bad request on a write such as this.
        int expected = status == 404 && !org.whatmatters.validation.Ids.valid(summaryId) ? 400 : status;
        SummariesApi.Reply r = api.expectRejected(SummariesApi.link(claims, summaryId, "{\"format\":\"json\"}"),
                expected, null);
        assertEquals(audited, auditSize(), "no audit entry for a refused link");
        if (expected == 404) {
            SummariesApi.Reply unknown = api.call(SummariesApi.link(People.PRIYA, "cs-unknown", null));
            assertEquals(unknown.json().get("type"), r.json().get("type"), "looks exactly like an unknown id");
            assertEquals(unknown.json().get("title"), r.json().get("title"));
        }
    }

    @ParameterizedTest(name = "document: {0} -> {3}")
    @MethodSource("linkOutsiders")
    void outsidersDoNotReadASummary(String who, Map<String, String> claims, String summaryId, int status) {
        SummariesApi.Reply r = api.expectRejected(SummariesApi.document(claims, summaryId), status, null);
        assertFalse(r.body().contains("feedback") || r.body().contains("schemaVersion"), "none of the document");
        if (status == 404) {
            SummariesApi.Reply unknown = api.call(SummariesApi.document(People.PRIYA, "cs-unknown"));
            assertEquals(unknown.json().get("type"), r.json().get("type"), "looks exactly like an unknown id");
        }
    }

    private static int auditSize() {
        return api.expect(200, SummariesApi.links(People.PRIYA).query("limit", "100")).json().get("items").size();
    }

    @ParameterizedTest(name = "audit trail: {0} -> {2}")
    @MethodSource("notAdmins")
    void onlyTheAdminReadsTheAuditTrail(String who, Map<String, String> claims, int status) {
        api.expect(201, SummariesApi.link(People.KEITH, CS_OPEN, null));
        SummariesApi.Reply r = api.expectRejected(SummariesApi.links(claims), status, null);
        assertFalse(r.body().contains("ln-"), "a refusal lists no link");
        api.expectRejected(SummariesApi.links(claims).query("summaryId", CS_OPEN), status, null);
    }

    static Stream<Arguments> notAdmins() {
        return Stream.of(
                Arguments.of("the summary's commissioner", People.KEITH, 403),
                Arguments.of("another commissioner", People.RUTH, 403),
                Arguments.of("a family member", People.MARIA, 403),
                Arguments.of("a worker", People.AMARA, 403),
                Arguments.of("a caller with no role", People.NOBODY, 403),
                Arguments.of("a token without a subject", NO_SUBJECT, 401));
    }

    @ParameterizedTest(name = "compile on request: {0} -> {2}")
    @MethodSource("notAdmins")
    void onlyTheAdminCompilesOnRequest(String who, Map<String, String> claims, int status) {
        List<String> files = api.bucket.keys();
        byte[] before = api.bucket.get("summaries/" + CS_OPEN + "/summary.json");
        api.expectRejected(SummariesApi.compilePeriod(claims, SummariesApi.OPEN), status, null);
        api.expectRejected(SummariesApi.compilePeriod(claims, "sp-unknown"), status, null);
        assertEquals(files, api.bucket.keys());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before,
                api.bucket.get("summaries/" + CS_OPEN + "/summary.json"), "no file rewritten");
    }

    static Stream<Arguments> dashboardOutsiders() {
        return Stream.of(
                Arguments.of("a worker of another team", People.CHLOE, People.NORTH, 404),
                Arguments.of("a worker, for another team", People.AMARA, People.SOUTH, 404),
                Arguments.of("a worker whose token names no team", NO_TEAM, People.NORTH, 404),
                Arguments.of("a commissioner of a contract covering the team", People.KEITH, People.NORTH, 404),
                Arguments.of("a family member of the team's client", People.MARIA, People.NORTH, 404),
                Arguments.of("the admin, unknown team", People.PRIYA, "t-east", 404),
                Arguments.of("a worker, unknown team", People.AMARA, "t-east", 404),
                Arguments.of("a caller with no role", People.NOBODY, People.NORTH, 403),
                Arguments.of("a token without a subject", NO_SUBJECT, People.NORTH, 401));
    }

    @ParameterizedTest(name = "dashboard: {0} -> {3}")
    @MethodSource("dashboardOutsiders")
    void outsidersDoNotSeeATeamsDashboard(String who, Map<String, String> claims, String teamId, int status) {
        SummariesApi.Reply r = api.expectRejected(SummariesApi.dashboard(claims, teamId), status, null);
        assertFalse(r.body().contains("visits"), "a refusal carries none of the dashboard");
        api.expectRejected(SummariesApi.dashboard(claims, teamId).query("month", "2026-10"), status, null);
    }

    @Test
    void aMonthWithoutADashboardIs404() {
        api.expectRejected(SummariesApi.dashboard(People.AMARA, People.NORTH).query("month", "2026-09"), 404, null);
        api.expectRejected(SummariesApi.dashboard(People.PRIYA, People.SOUTH).query("month", "2027-01"), 404, null);
    }

    @Test
    void aTeamWithNoDashboardYetIs404() {
        new org.whatmatters.data.TeamStore(api.table.data()).put(new org.whatmatters.domain.Team("t-east",
                "Riverside East", SummariesApi.NOW));
        api.expectRejected(SummariesApi.dashboard(People.PRIYA, "t-east"), 404, null);
    }

    @Test
    void anUnknownRouteIs404() {
        api.expectRejected(org.whatmatters.testing.HttpEvents.route("DELETE /summaries/{summaryId}")
                .path("summaryId", CS_OPEN).as(People.PRIYA), 404, null);
    }
}
