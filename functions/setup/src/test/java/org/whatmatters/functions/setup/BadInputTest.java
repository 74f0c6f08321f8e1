package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Bad input on every write route: a clear 4xx problem naming the field at fault, and nothing
 * written. Rejected requests write nothing, so the cases share one table.
 */
class BadInputTest {

    private static final SetupApi API = new SetupApi();
    private static final String HUGE = "x".repeat(100_000);

    private static Arguments bad(String name, String body, int status, String field) {
        return Arguments.of(name, body, status, field);
    }

    /** Cases every JSON body route shares; {@code valid} is a good body whose first field is {@code first}. */
    private static Stream<Arguments> common(String valid, String first) {
        return Stream.of(
                bad("malformed JSON", valid.substring(0, valid.length() - 3), 400, null),
                bad("empty body", "", 400, null),
                bad("null body", "null", 400, null),
                bad("array instead of object", "[" + valid + "]", 400, null),
                bad("unknown field", valid.replaceFirst("\\{", "{\"isAdmin\":true,"), 400, "isAdmin"),
                bad("duplicate key", valid.replaceFirst("\\{\"" + first + "\"", "{\"" + first + "\":null,\"" + first
                        + "\""), 400, null),
                bad("trailing garbage", valid + " {}", 400, null),
                bad("100 kB body", valid.replaceFirst("\\{", "{\"x\":\"" + HUGE + "\","), 413, null));
    }

    static final String TEAM = "{\"name\":\"Riverside East\"}";

    static Stream<Arguments> teamCases() {
        return Stream.concat(common(TEAM, "name"), Stream.of(
                bad("name missing", "{}", 400, "name"),
                bad("name blank", "{\"name\":\"  \"}", 400, "name"),
                bad("name is a number", "{\"name\":7}", 400, "name"),
                bad("name is a list", "{\"name\":[\"a\"]}", 400, "name"),
                bad("name oversize", "{\"name\":\"" + "n".repeat(81) + "\"}", 400, "name"),
                bad("name with a control character", "{\"name\":\"East\\u0007\"}", 400, "name")));
    }

    @ParameterizedTest(name = "create team: {0}")
    @MethodSource("teamCases")
    void createTeamRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /teams").as(People.PRIYA).body(body), status, field);
    }

    static final String MEMBER = "{\"workerId\":\"w-ines\",\"displayName\":\"Ines\"}";

    static Stream<Arguments> memberCases() {
        return Stream.concat(common(MEMBER, "workerId"), Stream.of(
                bad("workerId missing", "{\"displayName\":\"Ines\"}", 400, "workerId"),
                bad("workerId is a number", MEMBER.replace("\"w-ines\"", "42"), 400, "workerId"),
                bad("workerId with a key separator", MEMBER.replace("w-ines", "w#ines"), 400, "workerId"),
                bad("workerId with a space", MEMBER.replace("w-ines", "w ines"), 400, "workerId"),
                bad("workerId oversize", MEMBER.replace("w-ines", "w".repeat(129)), 400, "workerId"),
                bad("displayName missing", "{\"workerId\":\"w-ines\"}", 400, "displayName"),
                bad("displayName oversize", MEMBER.replace("Ines", "I".repeat(81)), 400, "displayName"),
                bad("already a member of this team", MEMBER.replace("w-ines", "w-amara"), 409, null),
                bad("already a member of another team", MEMBER.replace("w-ines", "w-chloe"), 409, null)));
    }

    @ParameterizedTest(name = "add member: {0}")
    @MethodSource("memberCases")
    void addMemberRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /teams/{teamId}/members").path("teamId", People.NORTH)
                .as(People.PRIYA).body(body), status, field);
    }

    @Test
    void addMemberToAnUnknownTeamIs404() {
        expectRejected(HttpEvents.route("POST /teams/{teamId}/members").path("teamId", "t-nowhere")
                .as(People.PRIYA).body(MEMBER), 404, null);
    }

    static final String CLIENT = """
            {"teamId":"t-north","displayName":"Iris Walker","plannedHoursPerWeek":8,"startsOn":"2026-11-16"}""";

    static Stream<Arguments> clientCases() {
        return Stream.concat(common(CLIENT, "teamId"), Stream.of(
                bad("team missing", CLIENT.replace("\"teamId\":\"t-north\",", ""), 400, "teamId"),
                bad("unknown team", CLIENT.replace("t-north", "t-nowhere"), 400, "teamId"),
                bad("displayName missing", CLIENT.replace("\"displayName\":\"Iris Walker\",", ""), 400,
                        "displayName"),
                bad("displayName oversize", CLIENT.replace("Iris Walker", "I".repeat(81)), 400, "displayName"),
                bad("hours missing", CLIENT.replace("\"plannedHoursPerWeek\":8,", ""), 400, "plannedHoursPerWeek"),
                bad("hours negative", CLIENT.replace(":8,", ":-1,"), 400, "plannedHoursPerWeek"),
                bad("more hours than a week has", CLIENT.replace(":8,", ":169,"), 400, "plannedHoursPerWeek"),
                bad("hours as text", CLIENT.replace(":8,", ":\"8\","), 400, "plannedHoursPerWeek"),
                bad("starts in the future", CLIENT.replace("2026-11-16", "2026-11-24"), 400, "startsOn"),
                bad("no such date", CLIENT.replace("2026-11-16", "2026-02-30"), 400, "startsOn"),
                bad("not an ISO date", CLIENT.replace("2026-11-16", "16/11/2026"), 400, "startsOn"),
                bad("date is a number", CLIENT.replace("\"2026-11-16\"", "20261116"), 400, "startsOn")));
    }

    @ParameterizedTest(name = "create client: {0}")
    @MethodSource("clientCases")
    void createClientRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /clients").as(People.PRIYA).body(body), status, field);
    }

    static final String HOURS = """
            {"hoursPerWeek":12,"effectiveFrom":"2026-11-16","reason":"Review with Rosa and Maria"}""";

    static Stream<Arguments> hoursCases() {
        return Stream.concat(common(HOURS, "hoursPerWeek"), Stream.of(
                bad("hours missing", HOURS.replace("\"hoursPerWeek\":12,", ""), 400, "hoursPerWeek"),
                bad("hours over 168", HOURS.replace(":12,", ":168.5,"), 400, "hoursPerWeek"),
                bad("hours as text", HOURS.replace(":12,", ":\"twelve\","), 400, "hoursPerWeek"),
                bad("same hours as now", HOURS.replace(":12,", ":14,"), 400, "hoursPerWeek"),
                bad("effective date missing", HOURS.replace("\"effectiveFrom\":\"2026-11-16\",", ""), 400,
                        "effectiveFrom"),
                bad("effective in the future", HOURS.replace("2026-11-16", "2026-12-01"), 400, "effectiveFrom"),
                bad("effective years ago", HOURS.replace("2026-11-16", "2019-01-01"), 400, "effectiveFrom"),
                bad("no such date", HOURS.replace("2026-11-16", "2026-11-31"), 400, "effectiveFrom"),
                bad("reason missing", HOURS.replace(",\"reason\":\"Review with Rosa and Maria\"", ""), 400, "reason"),
                bad("reason oversize", HOURS.replace("Review with Rosa and Maria", "r".repeat(501)), 400,
                        "reason")));
    }

    @ParameterizedTest(name = "change planned hours: {0}")
    @MethodSource("hoursCases")
    void changeHoursRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("PUT /clients/{clientId}/planned-hours").path("clientId", People.ROSA)
                .as(People.PRIYA).body(body), status, field);
    }

    @Test
    void aChangeDatedBeforeTheLatestIsRefused() {
        SetupApi api = new SetupApi();
        api.expect(200, HttpEvents.route("PUT /clients/{clientId}/planned-hours").path("clientId", People.ROSA)
                .as(People.PRIYA).body(HOURS));
        expectRejected(api, HttpEvents.route("PUT /clients/{clientId}/planned-hours").path("clientId", People.ROSA)
                .as(People.PRIYA).body(HOURS.replace("2026-11-16", "2026-11-09").replace(":12,", ":10,")), 400,
                "effectiveFrom");
    }

    @Test
    void changingAnUnknownClientsHoursIs404() {
        expectRejected(HttpEvents.route("PUT /clients/{clientId}/planned-hours").path("clientId", "c-nobody")
                .as(People.PRIYA).body(HOURS), 404, null);
    }

    static final String CONTRACT = """
            {"commissionerId":"comm-eastvale","commissionerName":"Eastvale Council","teamIds":["t-north"],\
            "startsOn":"2027-04-01","endsOn":"2028-03-31"}""";

    static Stream<Arguments> contractCases() {
        return Stream.concat(common(CONTRACT, "commissionerId"), Stream.of(
                bad("commissioner missing", CONTRACT.replace("\"commissionerId\":\"comm-eastvale\",", ""), 400,
                        "commissionerId"),
                bad("commissioner id with spaces", CONTRACT.replace("comm-eastvale", "East vale"), 400,
                        "commissionerId"),
                bad("commissioner name missing", CONTRACT.replace("\"commissionerName\":\"Eastvale Council\",", ""),
                        400, "commissionerName"),
                bad("commissioner name oversize", CONTRACT.replace("Eastvale Council", "E".repeat(121)), 400,
                        "commissionerName"),
                bad("no teams", CONTRACT.replace("[\"t-north\"]", "[]"), 400, "teamIds"),
                bad("teams not a list", CONTRACT.replace("[\"t-north\"]", "\"t-north\""), 400, "teamIds"),
                bad("unknown team", CONTRACT.replace("[\"t-north\"]", "[\"t-north\",\"t-nowhere\"]"), 400,
                        "teamIds[1]"),
                bad("team twice", CONTRACT.replace("[\"t-north\"]", "[\"t-north\",\"t-north\"]"), 400, "teamIds"),
                bad("starts missing", CONTRACT.replace("\"startsOn\":\"2027-04-01\",", ""), 400, "startsOn"),
                bad("ends before it starts", CONTRACT.replace("2028-03-31", "2027-03-31"), 400, "endsOn"),
                bad("longer than ten years", CONTRACT.replace("2028-03-31", "2040-03-31"), 400, "endsOn"),
                bad("starts decades ahead", CONTRACT.replace("2027-04-01", "2060-04-01")
                        .replace("2028-03-31", "2061-03-31"), 400, "startsOn"),
                bad("not a date", CONTRACT.replace("2027-04-01", "April 2027"), 400, "startsOn")));
    }

    @ParameterizedTest(name = "create contract: {0}")
    @MethodSource("contractCases")
    void createContractRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /contracts").as(People.PRIYA).body(body), status, field);
    }

    static final String PERIOD = """
            {"label":"2027-Q1","opensOn":"2027-01-01","closesOn":"2027-03-31"}""";

    static Stream<Arguments> periodCases() {
        return Stream.concat(common(PERIOD, "label"), Stream.of(
                bad("label missing", PERIOD.replace("\"label\":\"2027-Q1\",", ""), 400, "label"),
                bad("label oversize", PERIOD.replace("2027-Q1", "Q".repeat(41)), 400, "label"),
                bad("opens missing", PERIOD.replace("\"opensOn\":\"2027-01-01\",", ""), 400, "opensOn"),
                bad("closes before it opens", PERIOD.replace("2027-03-31", "2026-12-31"), 400, "closesOn"),
                bad("overlaps 2026-Q4", PERIOD.replace("2027-01-01", "2026-12-15"), 409, null),
                bad("inside 2026-Q4", PERIOD.replace("2027-01-01", "2026-11-01").replace("2027-03-31", "2026-11-30"),
                        409, null),
                bad("outlasts the contract", PERIOD.replace("2027-03-31", "2027-04-30"), 400, "closesOn"),
                bad("before the contract", PERIOD.replace("2027-01-01", "2026-01-01")
                        .replace("2027-03-31", "2026-03-31"), 400, "opensOn"),
                bad("no such date", PERIOD.replace("2027-03-31", "2027-02-29"), 400, "closesOn"),
                bad("no questions", PERIOD.replace("}", ",\"questions\":[]}"), 400, "questions"),
                bad("question id not kebab-case", PERIOD.replace("}",
                        ",\"questions\":[{\"questionId\":\"Reliability!\",\"text\":\"Reliability\"}]}"), 400,
                        "questions[0].questionId"),
                bad("question asked twice", PERIOD.replace("}", ",\"questions\":[{\"questionId\":\"a\",\"text\":\"A\"},"
                        + "{\"questionId\":\"a\",\"text\":\"B\"}]}"), 400, "questions[1].questionId"),
                bad("question text oversize", PERIOD.replace("}",
                        ",\"questions\":[{\"questionId\":\"a\",\"text\":\"" + "t".repeat(201) + "\"}]}"), 400,
                        "questions[0].text"),
                bad("question with an unknown field", PERIOD.replace("}",
                        ",\"questions\":[{\"questionId\":\"a\",\"text\":\"A\",\"scale\":10}]}"), 400,
                        "questions[0].scale"),
                bad("eleven questions", PERIOD.replace("}", ",\"questions\":[" + IntStream.range(0, 11)
                        .mapToObj(i -> "{\"questionId\":\"q" + i + "\",\"text\":\"Q\"}")
                        .collect(Collectors.joining(",")) + "]}"), 400, "questions")));
    }

    @ParameterizedTest(name = "create survey period: {0}")
    @MethodSource("periodCases")
    void createPeriodRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /contracts/{contractId}/survey-periods")
                .path("contractId", SetupApi.CONTRACT).as(People.PRIYA).body(body), status, field);
    }

    @Test
    void aPeriodOfAnUnknownContractIs404() {
        expectRejected(HttpEvents.route("POST /contracts/{contractId}/survey-periods").path("contractId", "ct-none")
                .as(People.PRIYA).body(PERIOD), 404, null);
    }

    static final String INVITATIONS = """
            {"respondents":[{"respondentType":"family","respondentId":"f-maria","clientId":"c-rosa"}]}""";

    static Stream<Arguments> invitationCases() {
        String many = IntStream.range(0, 101).mapToObj(i ->
                "{\"respondentType\":\"client\",\"respondentId\":\"c-rosa\",\"clientId\":\"c-rosa\"}")
                .collect(Collectors.joining(",", "{\"respondents\":[", "]}"));
        return Stream.concat(common(INVITATIONS, "respondents"), Stream.of(
                bad("respondents missing", "{}", 400, "respondents"),
                bad("no respondents", "{\"respondents\":[]}", 400, "respondents"),
                bad("respondents not a list", "{\"respondents\":{\"respondentType\":\"family\"}}", 400, "respondents"),
                bad("101 respondents", many, 400, "respondents"),
                bad("unknown respondent type", INVITATIONS.replace("\"family\"", "\"neighbour\""), 400,
                        "respondents[0].respondentType"),
                bad("respondent type missing", INVITATIONS.replace("\"respondentType\":\"family\",", ""), 400,
                        "respondents[0].respondentType"),
                bad("family member not linked to the client", INVITATIONS.replace("f-maria", "f-tom"), 400,
                        "respondents[0].respondentId"),
                bad("family member whose link was revoked", INVITATIONS.replace("f-maria", "f-former"), 400,
                        "respondents[0].respondentId"),
                bad("client respondent who is another client", INVITATIONS.replace("family", "client")
                        .replace("f-maria", "c-arthur"), 400, "respondents[0].respondentId"),
                bad("unknown client", INVITATIONS.replace("c-rosa", "c-nobody"), 400, "respondents[0].clientId"),
                bad("the same respondent twice", INVITATIONS.replace("]}", ","
                        + INVITATIONS.substring(16, INVITATIONS.length() - 2) + "]}"), 400, "respondents[1]"),
                bad("client id is a number", INVITATIONS.replace("\"c-rosa\"", "7"), 400, "respondents[0].clientId")));
    }

    @ParameterizedTest(name = "invite respondents: {0}")
    @MethodSource("invitationCases")
    void inviteRespondentsRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /survey-periods/{periodId}/invitations")
                .path("periodId", SetupApi.PERIOD).as(People.PRIYA).body(body), status, field);
    }

    @Test
    void invitationsToAClosedPeriodConflict() {
        var afterItClosed = SetupApi.call(API.handlerAt(java.time.Instant.parse("2027-01-01T09:00:00Z")),
                HttpEvents.route("POST /survey-periods/{periodId}/invitations").path("periodId", SetupApi.PERIOD)
                        .as(People.PRIYA).body(INVITATIONS).build());
        assertEquals(409, afterItClosed.status(), afterItClosed.json()::toString);
        assertTrue(afterItClosed.json().get("detail").asText().contains("closed on 2026-12-31"));
    }

    @Test
    void invitationsForATeamTheContractDoesNotCoverAreRefused() {
        SetupApi api = new SetupApi();
        String contract = api.expect(201, HttpEvents.route("POST /contracts").as(People.PRIYA).body(CONTRACT
                .replace("2027-04-01", "2026-11-01"))).json().get("contractId").asText();
        String period = api.expect(201, HttpEvents.route("POST /contracts/{contractId}/survey-periods")
                .path("contractId", contract).as(People.PRIYA).body(PERIOD.replace("2027-01-01", "2026-11-01")
                        .replace("2027-03-31", "2026-11-30"))).json().get("periodId").asText();
        expectRejected(api, HttpEvents.route("POST /survey-periods/{periodId}/invitations").path("periodId", period)
                .as(People.PRIYA).body(INVITATIONS.replace("family", "client").replace("f-maria", "c-arthur")
                        .replace("c-rosa", "c-arthur")), 400, "respondents[0].clientId");
    }

    static final String INVITE = "{\"displayName\":\"Sam\",\"relationship\":\"grandson\",\"email\":\"sam@example.org\"}";

    static Stream<Arguments> familyInviteCases() {
        return Stream.concat(common(INVITE, "displayName"), Stream.of(
                bad("displayName missing", INVITE.replace("\"displayName\":\"Sam\",", ""), 400, "displayName"),
                bad("displayName oversize", INVITE.replace("Sam", "S".repeat(81)), 400, "displayName"),
                bad("relationship missing", INVITE.replace("\"relationship\":\"grandson\",", ""), 400,
                        "relationship"),
                bad("relationship oversize", INVITE.replace("grandson", "g".repeat(41)), 400, "relationship"),
                bad("relationship is a number", INVITE.replace("\"grandson\"", "3"), 400, "relationship"),
                bad("email not an address", INVITE.replace("sam@example.org", "sam at example"), 400, "email"),
                bad("email is a list", INVITE.replace("\"sam@example.org\"", "[\"sam@example.org\"]"), 400,
                        "email")));
    }

    @ParameterizedTest(name = "invite family: {0}")
    @MethodSource("familyInviteCases")
    void inviteFamilyRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /clients/{clientId}/invites").path("clientId", People.ROSA)
                .as(People.AMARA).body(body), status, field);
    }

    @Test
    void invitingFamilyOfAnUnknownClientIs404() {
        expectRejected(HttpEvents.route("POST /clients/{clientId}/invites").path("clientId", "c-nobody")
                .as(People.PRIYA).body(INVITE), 404, null);
    }

    static Stream<Arguments> acceptCases() {
        String valid = "{\"code\":\"" + SetupApi.SAMPLE_CODE + "\"}";
        return Stream.concat(common(valid, "code"), Stream.of(
                bad("code missing", "{}", 400, "code"),
                bad("code blank", "{\"code\":\"\"}", 400, "code"),
                bad("code is a number", "{\"code\":123456}", 400, "code"),
                bad("code of the wrong shape", "{\"code\":\"abc/def\"}", 400, "code"),
                bad("unknown code", "{\"code\":\"" + "A".repeat(43) + "\"}", 404, null)));
    }

    @ParameterizedTest(name = "accept invite: {0}")
    @MethodSource("acceptCases")
    void acceptRejects(String name, String body, int status, String field) {
        expectRejected(HttpEvents.route("POST /invites/accept").as(People.SAM).body(body), status, field);
    }

    @Test
    void anInviteCodeUsedTwiceConflicts() {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ROSA, People.AMARA);
        api.expect(200, SetupApi.accept(code, People.SAM));
        JsonNode again = expectRejected(api, SetupApi.accept(code, People.SAM), 409, null);
        assertTrue(again.get("detail").asText().contains("already been used"));
        expectRejected(api, SetupApi.accept(code, People.TOM), 409, null);
    }

    @Test
    void anExpiredCodeIsGoneAndTheLastSecondStillWorks() {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ROSA, People.PRIYA);
        var before = api.table.snapshot();
        var expired = SetupApi.call(api.handlerAt(SetupApi.NOW.plusSeconds(7 * 86_400)),
                SetupApi.accept(code, People.SAM).build());
        assertEquals(410, expired.status(), expired.json()::toString);
        assertEquals("application/problem+json", expired.contentType());
        assertTrue(expired.json().get("detail").asText().contains("ask the care team for a new one"));
        assertEquals(before, api.table.snapshot());

        var lastSecond = SetupApi.call(api.handlerAt(SetupApi.NOW.plusSeconds(7 * 86_400 - 1)),
                SetupApi.accept(code, People.SAM).build());
        assertEquals(200, lastSecond.status(), lastSecond.json()::toString);
    }

    @Test
    void acceptingWhenAlreadyLinkedLeavesTheCodeUnused() {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ROSA, People.AMARA);
        expectRejected(api, SetupApi.accept(code, People.MARIA), 409, null);
        api.expect(200, SetupApi.accept(code, People.SAM));
    }

    @ParameterizedTest(name = "revoke: unknown link {0}")
    @ValueSource(strings = {"f-nobody", "f-tom"})
    void revokingAnUnknownLinkIs404(String sub) {
        expectRejected(HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}").path("clientId", People.ROSA)
                .path("familySub", sub).as(People.PRIYA), 404, null);
    }

    /** A write naming a malformed id is a bad request (a read of one is as unknown as any other id). */
    @ParameterizedTest(name = "revoke: malformed id {0}")
    @ValueSource(strings = {"f#maria", "../f-maria", "f maria", "f-maria\u0000"})
    void revokingAMalformedIdIs400(String sub) {
        expectRejected(HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}").path("clientId", People.ROSA)
                .path("familySub", sub).as(People.PRIYA), 400, "familySub");
    }

    @ParameterizedTest(name = "content type {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
    void nonJsonBodiesAreRefused(String contentType) {
        expectRejected(HttpEvents.route("POST /teams").as(People.PRIYA).header("content-type", contentType)
                .body(TEAM), 415, null);
    }

    private static JsonNode expectRejected(HttpEvents event, int status, String field) {
        return expectRejected(API, event, status, field);
    }

    private static JsonNode expectRejected(SetupApi api, HttpEvents event, int status, String field) {
        return api.expectRejected(event, status, field).json();
    }
}
