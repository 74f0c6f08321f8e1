package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Callers using someone else's ids. Anyone with no right to a client or team gets the same 404 as
 * for an unknown id, and no data; callers who may see it but not do the thing get 403.
 */
class AuthorisationTest {

    private static final EngagementApi API = new EngagementApi();
    private static final String STORY = EngagementApi.storyBody("2026-11-20", "family", "dignity");
    private static final String HEALTH = EngagementApi.healthBody("fall", "2026-11-20");
    private static final String SHIFT = EngagementApi.shiftBody("2026-11-22T08:00:00Z", "2026-11-22T12:00:00Z");
    private static final String RESPONSE = EngagementApi.responseBody(People.ROSA, 5, 5, 4, 9, null);
    /** Linked to Rosa but not invited to the survey. */
    private static final Map<String, String> SAM = People.SAM;
    /** Says north team in the token, but is not a member of it. */
    private static final Map<String, String> GHOST = Map.of("sub", "w-ghost", "cognito:groups", "[worker]",
            "custom:team_id", People.NORTH);
    private static String teamOnlyStory;

    @BeforeAll
    static void records() {
        new FamilyLinkStore(API.table.data()).put(new FamilyLink(People.ROSA, "f-sam", "Sam", "grandson",
                Instant.parse("2026-11-01T09:00:00Z"), null));
        teamOnlyStory = API.expect(201, EngagementApi.story(People.AMARA, People.ROSA,
                EngagementApi.storyBody("2026-11-19", "team", "trust"))).json().get("storyId").asText();
        API.expect(201, EngagementApi.health(People.AMARA, People.ROSA, HEALTH));
        API.expect(201, EngagementApi.shift(People.AMARA, People.NORTH,
                EngagementApi.shiftBody("2026-11-21T08:00:00Z", "2026-11-21T12:00:00Z")));
        API.expect(201, EngagementApi.respond(People.MARIA, EngagementApi.OPEN, RESPONSE));
    }

    static Stream<Arguments> outsiders() {
        return People.outsidersOfRosa();
    }

    @ParameterizedTest(name = "{0} recording a story: {2}")
    @MethodSource("outsiders")
    void recordStory(String who, Map<String, String> claims, int status) {
        refused(EngagementApi.story(claims, People.ROSA, STORY), status);
    }

    @ParameterizedTest(name = "{0} listing stories: {2}")
    @MethodSource("outsiders")
    void listStories(String who, Map<String, String> claims, int status) {
        refused(HttpEvents.route("GET /clients/{clientId}/stories").path("clientId", People.ROSA).as(claims), status);
    }

    @ParameterizedTest(name = "{0} reading a story: {2}")
    @MethodSource("outsiders")
    void readStory(String who, Map<String, String> claims, int status) {
        refused(HttpEvents.route("GET /stories/{storyId}").path("storyId", EngagementApi.SAMPLE_STORY).as(claims),
                status);
    }

    @ParameterizedTest(name = "{0} recording a health event: {2}")
    @MethodSource("outsiders")
    void recordHealthEvent(String who, Map<String, String> claims, int status) {
        refused(EngagementApi.health(claims, People.ROSA, HEALTH), status);
    }

    @ParameterizedTest(name = "{0} listing health events: {2}")
    @MethodSource("outsiders")
    void listHealthEvents(String who, Map<String, String> claims, int status) {
        refused(HttpEvents.route("GET /clients/{clientId}/health-events").path("clientId", People.ROSA).as(claims),
                status);
    }

    /** For a team, family members are outsiders too: they know clients, not teams. */
    static Stream<Arguments> teamOutsiders() {
        return Stream.concat(outsiders(), Stream.of(Arguments.of("linked family member", People.MARIA, 404)));
    }

    @ParameterizedTest(name = "{0} recording a shift: {2}")
    @MethodSource("teamOutsiders")
    void recordShift(String who, Map<String, String> claims, int status) {
        refused(EngagementApi.shift(claims, People.NORTH, SHIFT), status);
    }

    @ParameterizedTest(name = "{0} listing shifts: {2}")
    @MethodSource("teamOutsiders")
    void listShifts(String who, Map<String, String> claims, int status) {
        refused(HttpEvents.route("GET /teams/{teamId}/shifts").path("teamId", People.NORTH).as(claims), status);
    }

    @ParameterizedTest(name = "{0} answering for Rosa: {2}")
    @MethodSource("outsiders")
    void answerSurvey(String who, Map<String, String> claims, int status) {
        refused(EngagementApi.respond(claims, EngagementApi.OPEN, RESPONSE), status);
    }

    @ParameterizedTest(name = "{0} reading Rosa's answer: {2}")
    @MethodSource("outsiders")
    void readAnswer(String who, Map<String, String> claims, int status) {
        refused(HttpEvents.route("GET /survey-periods/{periodId}/responses/mine").path("periodId", EngagementApi.OPEN)
                .query("clientId", People.ROSA).as(claims), status);
    }

    @Test
    void familiesDoNotSeeTeamOnlyStoriesNorHealthEvents() {
        refused(HttpEvents.route("GET /stories/{storyId}").path("storyId", teamOnlyStory).as(People.MARIA), 404);
        refused(HttpEvents.route("GET /clients/{clientId}/health-events").path("clientId", People.ROSA)
                .as(People.MARIA), 403);
        refused(EngagementApi.health(People.MARIA, People.ROSA, HEALTH), 403);
        assertEquals(200, API.call(HttpEvents.route("GET /stories/{storyId}").path("storyId", teamOnlyStory)
                .as(People.PRIYA)).status());
    }

    @Test
    void theProviderAdminReadsButDoesNotRecord() {
        assertEquals(200, API.call(HttpEvents.route("GET /clients/{clientId}/health-events")
                .path("clientId", People.ROSA).as(People.PRIYA)).status());
        assertEquals(200, API.call(HttpEvents.route("GET /teams/{teamId}/shifts").path("teamId", People.NORTH)
                .as(People.PRIYA)).status());
        refused(EngagementApi.story(People.PRIYA, People.ROSA, STORY), 403);
        refused(EngagementApi.health(People.PRIYA, People.ROSA, HEALTH), 403);
        refused(EngagementApi.shift(People.PRIYA, People.NORTH, SHIFT), 403);
        refused(EngagementApi.respond(People.PRIYA, EngagementApi.OPEN, RESPONSE), 403);
    }

    @Test
    void onlyMembersRecordShiftsAndUnknownTeamsLookUnknown() {
        // a token naming the team is not membership: the team is as unknown to them as to any outsider
        refused(EngagementApi.shift(GHOST, People.NORTH, SHIFT), 404);
        refused(EngagementApi.shift(People.AMARA, People.SOUTH, SHIFT), 404);
        refused(HttpEvents.route("GET /teams/{teamId}/shifts").path("teamId", "t-nope").as(People.PRIYA), 404);
    }

    @Test
    void anUninvitedRespondentIsRefused() {
        var r = refused(EngagementApi.respond(SAM, EngagementApi.OPEN, RESPONSE), 403);
        assertEquals("You were not invited to answer survey period 2026-Q4", r.json().get("detail").asText());
        refused(EngagementApi.respond(People.MARIA, "sp-nope", RESPONSE), 404);
        refused(EngagementApi.respond(People.MARIA, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ARTHUR, 5, 5, 5, 5, null)), 404);
    }

    @Test
    void unknownIdsLookTheSameAsOtherPeoplesIds() {
        var unknown = API.call(HttpEvents.route("GET /stories/{storyId}").path("storyId", "s-nope").as(People.TOM));
        var others = API.call(HttpEvents.route("GET /stories/{storyId}").path("storyId", EngagementApi.SAMPLE_STORY)
                .as(People.TOM));
        assertEquals(404, unknown.status());
        assertEquals(unknown.json().get("title"), others.json().get("title"));
        refused(EngagementApi.story(People.AMARA, "c-nope", STORY), 404);
        refused(EngagementApi.health(People.AMARA, "c-nope", HEALTH), 404);
    }

    private static EngagementApi.Reply refused(HttpEvents event, int status) {
        EngagementApi.Reply r = API.expectRejected(event, status, null);
        String body = r.json().toString();
        for (String secret : new String[] {"Rosa", "Gardening", "granddaughter", "corner shop", "w-amara", "Riverside North",
                "positive-impact", "Seen by the GP"}) {
            assertFalse(body.contains(secret), () -> "leaked " + secret + " in " + body);
        }
        return r;
    }
}
