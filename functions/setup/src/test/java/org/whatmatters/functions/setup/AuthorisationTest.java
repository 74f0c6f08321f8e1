package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Callers using someone else's ids. Anyone who may not see a team, client, contract or period gets
 * the same 404 as for an unknown id, and no data; a caller who may see it but not change it gets 403.
 */
class AuthorisationTest {

    private static final SetupApi API = new SetupApi();
    private static final Map<String, String> NO_SUBJECT = Map.of("cognito:groups", "[provider-admin]");
    private static final Map<String, String> COMMISSIONER_WITHOUT_ORG = Map.of("sub", "k-anon",
            "cognito:groups", "[commissioner]");
    private static final String[] SECRETS = {"Rosa", "Bennett", "Arthur", "Riverside", "Ridgeshire", "w-amara",
            "Maria", "plannedHoursPerWeek", "comm-ridgeshire", "positive-impact", "\"members\"", "\"clients\""};

    private static Arguments call(String route, Function<Map<String, String>, HttpEvents> event,
                                  Map<String, String> who, String whoName, int status) {
        return Arguments.of(route + " by " + whoName, event, who, status);
    }

    private static Function<Map<String, String>, HttpEvents> route(String key, String... pathAndBody) {
        return who -> {
            HttpEvents e = HttpEvents.route(key).as(who);
            for (int i = 0; i + 1 < pathAndBody.length; i += 2) {
                e.path(pathAndBody[i], pathAndBody[i + 1]);
            }
            if (pathAndBody.length % 2 == 1) {
                e.body(pathAndBody[pathAndBody.length - 1]);
            }
            return e;
        };
    }

    static Stream<Arguments> refusals() {
        var getTeam = route("GET /teams/{teamId}", "teamId", People.NORTH);
        var addMember = route("POST /teams/{teamId}/members", "teamId", People.NORTH, BadInputTest.MEMBER);
        var createTeam = route("POST /teams", BadInputTest.TEAM);
        var listTeams = route("GET /teams");
        var getClient = route("GET /clients/{clientId}", "clientId", People.ROSA);
        var createClient = route("POST /clients", BadInputTest.CLIENT);
        var changeHours = route("PUT /clients/{clientId}/planned-hours", "clientId", People.ROSA, BadInputTest.HOURS);
        var hours = route("GET /clients/{clientId}/planned-hours", "clientId", People.ROSA);
        var createContract = route("POST /contracts", BadInputTest.CONTRACT);
        var listContracts = route("GET /contracts");
        var getContract = route("GET /contracts/{contractId}", "contractId", SetupApi.CONTRACT);
        var createPeriod = route("POST /contracts/{contractId}/survey-periods", "contractId", SetupApi.CONTRACT,
                BadInputTest.PERIOD);
        var listPeriods = route("GET /contracts/{contractId}/survey-periods", "contractId", SetupApi.CONTRACT);
        var getPeriod = route("GET /survey-periods/{periodId}", "periodId", SetupApi.PERIOD);
        var invite = route("POST /survey-periods/{periodId}/invitations", "periodId", SetupApi.PERIOD,
                BadInputTest.INVITATIONS);
        var inviteFamily = route("POST /clients/{clientId}/invites", "clientId", People.ROSA, BadInputTest.INVITE);
        var accept = route("POST /invites/accept", "{\"code\":\"" + SetupApi.SAMPLE_CODE + "\"}");
        var family = route("GET /clients/{clientId}/family", "clientId", People.ROSA);
        var revoke = route("DELETE /clients/{clientId}/family/{familySub}", "clientId", People.ROSA,
                "familySub", "f-maria");
        return Stream.of(
                call("read a team", getTeam, People.CHLOE, "a worker of another team", 404),
                call("read a team", getTeam, People.MARIA, "a family member", 404),
                call("read a team", getTeam, People.KEITH, "a commissioner", 404),
                call("read a team", getTeam, People.NOBODY, "a caller with no role", 403),
                call("read a team", getTeam, NO_SUBJECT, "a token without a subject", 401),
                call("add a member", addMember, People.AMARA, "a worker of the team", 403),
                call("add a member", addMember, People.CHLOE, "a worker of another team", 404),
                call("add a member", addMember, People.MARIA, "a family member", 404),
                call("add a member", addMember, People.KEITH, "a commissioner", 404),
                call("add a member", addMember, People.NOBODY, "a caller with no role", 403),
                call("create a team", createTeam, People.AMARA, "a worker", 403),
                call("create a team", createTeam, People.KEITH, "a commissioner", 403),
                call("list teams", listTeams, People.MARIA, "a family member", 403),
                call("list teams", listTeams, People.KEITH, "a commissioner", 403),
                call("read a client", getClient, People.TOM, "a family member of another client", 404),
                call("read a client", getClient, People.FORMER, "a family member whose link was revoked", 404),
                call("read a client", getClient, People.CHLOE, "a worker of another team", 404),
                call("read a client", getClient, People.KEITH, "a commissioner", 404),
                call("read a client", getClient, People.NOBODY, "a caller with no role", 403),
                call("create a client", createClient, People.AMARA, "a worker", 403),
                call("create a client", createClient, People.MARIA, "a family member", 403),
                call("change planned hours", changeHours, People.AMARA, "a worker of the team", 403),
                call("change planned hours", changeHours, People.MARIA, "the linked family member", 403),
                call("change planned hours", changeHours, People.TOM, "a family member of another client", 404),
                call("change planned hours", changeHours, People.CHLOE, "a worker of another team", 404),
                call("change planned hours", changeHours, People.KEITH, "a commissioner", 404),
                call("read the hours history", hours, People.MARIA, "the linked family member", 403),
                call("read the hours history", hours, People.CHLOE, "a worker of another team", 404),
                call("read the hours history", hours, People.TOM, "a family member of another client", 404),
                call("create a contract", createContract, People.KEITH, "a commissioner", 403),
                call("create a contract", createContract, People.AMARA, "a worker", 403),
                call("list contracts", listContracts, People.AMARA, "a worker", 403),
                call("list contracts", listContracts, People.MARIA, "a family member", 403),
                call("read a contract", getContract, People.RUTH, "a commissioner of another council", 404),
                call("read a contract", getContract, COMMISSIONER_WITHOUT_ORG, "a commissioner with no org", 404),
                call("read a contract", getContract, People.AMARA, "a worker", 404),
                call("read a contract", getContract, People.MARIA, "a family member", 404),
                call("read a contract", getContract, People.NOBODY, "a caller with no role", 403),
                call("add a survey period", createPeriod, People.KEITH, "the contract's commissioner", 403),
                call("add a survey period", createPeriod, People.RUTH, "a commissioner of another council", 404),
                call("add a survey period", createPeriod, People.AMARA, "a worker", 404),
                call("list survey periods", listPeriods, People.RUTH, "a commissioner of another council", 404),
                call("list survey periods", listPeriods, People.CHLOE, "a worker", 404),
                call("read a survey period", getPeriod, People.RUTH, "a commissioner of another council", 404),
                call("read a survey period", getPeriod, People.MARIA, "a family member", 404),
                call("read a survey period", getPeriod, People.AMARA, "a worker", 404),
                call("invite respondents", invite, People.KEITH, "the contract's commissioner", 403),
                call("invite respondents", invite, People.RUTH, "a commissioner of another council", 404),
                call("invite respondents", invite, People.AMARA, "a worker", 404),
                call("invite respondents", invite, People.MARIA, "a family member", 404),
                call("invite respondents", invite, People.NOBODY, "a caller with no role", 403),
                call("invite family", inviteFamily, People.MARIA, "the linked family member", 403),
                call("invite family", inviteFamily, People.TOM, "a family member of another client", 404),
                call("invite family", inviteFamily, People.CHLOE, "a worker of another team", 404),
                call("invite family", inviteFamily, People.KEITH, "a commissioner", 404),
                call("invite family", inviteFamily, People.NOBODY, "a caller with no role", 403),
                call("accept an invite", accept, People.AMARA, "a worker", 403),
                call("accept an invite", accept, People.PRIYA, "a provider admin", 403),
                call("accept an invite", accept, People.KEITH, "a commissioner", 403),
                call("accept an invite", accept, People.NOBODY, "a caller with no role", 403),
                call("list family links", family, People.MARIA, "the linked family member", 403),
                call("list family links", family, People.TOM, "a family member of another client", 404),
                call("list family links", family, People.CHLOE, "a worker of another team", 404),
                call("list family links", family, People.KEITH, "a commissioner", 404),
                call("revoke a link", revoke, People.MARIA, "the linked family member", 403),
                call("revoke a link", revoke, People.TOM, "a family member of another client", 404),
                call("revoke a link", revoke, People.CHLOE, "a worker of another team", 404),
                call("revoke a link", revoke, People.KEITH, "a commissioner", 404),
                call("revoke a link", revoke, People.NOBODY, "a caller with no role", 403));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refusals")
    void refusedWithNoDataAndNothingWritten(String name, Function<Map<String, String>, HttpEvents> event,
                                            Map<String, String> who, int status) {
        var before = API.table.snapshot();
        SetupApi.Reply r = API.call(event.apply(who));
        assertEquals(status, r.status(), () -> String.valueOf(r.json()));
        assertEquals("application/problem+json", r.contentType());
        String body = r.json().toString();
        for (String secret : SECRETS) {
            assertFalse(body.contains(secret), () -> "leaked " + secret + " in " + body);
        }
        assertEquals(before, API.table.snapshot(), "a refused request must write nothing");
    }

    @Test
    void unknownIdsLookTheSameAsOtherPeoplesIds() {
        JsonNode unknown = API.expect(404, HttpEvents.route("GET /contracts/{contractId}")
                .path("contractId", "ct-nope").as(People.RUTH)).json();
        JsonNode others = API.expect(404, HttpEvents.route("GET /contracts/{contractId}")
                .path("contractId", SetupApi.CONTRACT).as(People.RUTH)).json();
        assertEquals(unknown.get("title"), others.get("title"));
        assertEquals(unknown.get("type"), others.get("type"));
        API.expect(404, HttpEvents.route("GET /survey-periods/{periodId}").path("periodId", "sp-nope")
                .as(People.KEITH)).json();
        API.expect(404, HttpEvents.route("GET /teams/{teamId}").path("teamId", "t-nope").as(People.PRIYA)).json();
        API.expect(404, HttpEvents.route("GET /clients/{clientId}").path("clientId", "c-nope").as(People.PRIYA)).json();
    }

    @Test
    void aWorkerListsOnlyTheirOwnTeam() {
        JsonNode teams = API.expect(200, HttpEvents.route("GET /teams").as(People.AMARA)).json();
        assertEquals(1, teams.get("teams").size());
        assertEquals(People.NORTH, teams.at("/teams/0/teamId").asText());
        assertFalse(teams.toString().contains("South"));
        assertEquals(2, API.expect(200, HttpEvents.route("GET /teams").as(People.PRIYA)).json().get("teams").size());
    }

    @Test
    void aCommissionerListsOnlyTheirOwnContracts() {
        assertEquals(0, API.expect(200, HttpEvents.route("GET /contracts").as(People.RUTH)).json().get("contracts").size());
        assertEquals(0, API.expect(200, HttpEvents.route("GET /contracts").as(COMMISSIONER_WITHOUT_ORG)).json()
                .get("contracts").size());
        JsonNode keith = API.expect(200, HttpEvents.route("GET /contracts").as(People.KEITH)).json();
        assertEquals(1, keith.get("contracts").size());
        assertEquals(SetupApi.CONTRACT, keith.at("/contracts/0/contractId").asText());
    }

    @Test
    void theContractsCommissionerReadsItsPeriodsButNotTheInvitationCount() {
        JsonNode period = API.expect(200, HttpEvents.route("GET /survey-periods/{periodId}")
                .path("periodId", SetupApi.PERIOD).as(People.KEITH)).json();
        assertEquals("open", period.get("status").asText());
        assertFalse(period.has("invitations"));
        assertTrue(API.expect(200, HttpEvents.route("GET /survey-periods/{periodId}")
                .path("periodId", SetupApi.PERIOD).as(People.PRIYA)).json().has("invitations"));
    }

    @Test
    void aWorkerOfTheTeamReadsTheClientAndTheHoursHistory() {
        JsonNode client = API.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA)
                .as(People.BEN)).json();
        assertEquals(14.0, client.get("plannedHoursPerWeek").asDouble());
        API.expect(200, HttpEvents.route("GET /clients/{clientId}/planned-hours").path("clientId", People.ROSA)
                .as(People.BEN)).json();
    }

    @Test
    void aWorkerOfAnotherTeamCannotInviteFamilyOrEndTheirAccessEvenWithTheRightIds() {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ARTHUR, People.CHLOE);
        api.expect(200, SetupApi.accept(code, People.SAM));
        api.expect(404, HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}")
                .path("clientId", People.ARTHUR).path("familySub", "f-sam").as(People.AMARA));
        List<String> subs = new ArrayList<>();
        api.expect(200, HttpEvents.route("GET /clients/{clientId}/family").path("clientId", People.ARTHUR)
                .as(People.CHLOE)).json().get("links").forEach(l -> subs.add(l.get("familySub").asText()));
        assertEquals(List.of("f-tom", "f-sam"), subs);
    }
}
