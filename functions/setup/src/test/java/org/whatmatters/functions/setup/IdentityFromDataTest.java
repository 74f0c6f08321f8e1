package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.json.Json;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/**
 * Who a caller is comes from the data: a worker's team from team membership, a commissioner's
 * organisation from their account, the provider from the stack; token claims can only narrow it.
 * Removing a member or an account ends access at once. Invites to an e-mail address need that address,
 * verified; relinking keeps the revoked link on record.
 */
class IdentityFromDataTest {

    private static Map<String, String> with(Map<String, String> claims, String key, String value) {
        Map<String, String> c = new HashMap<>(claims);
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        return Map.copyOf(c);
    }

    private static HttpEvents getTeam(String teamId, Map<String, String> who) {
        return HttpEvents.route("GET /teams/{teamId}").path("teamId", teamId).as(who);
    }

    @Test
    void aWorkersTeamClaimNarrowsButNeverWidens() {
        SetupApi api = new SetupApi();
        api.expect(200, getTeam(People.NORTH, People.AMARA));
        // without a team claim she is found in her team
        api.expect(200, getTeam(People.NORTH, with(People.AMARA, "custom:team_id", null)));
        // a claim naming another team gives her that team's nothing, and costs her her own
        api.expect(404, getTeam(People.SOUTH, with(People.AMARA, "custom:team_id", People.SOUTH)));
        api.expect(404, getTeam(People.NORTH, with(People.AMARA, "custom:team_id", People.SOUTH)));
        // nobody who is in no team gets one from a claim
        api.expect(404, getTeam(People.NORTH, Map.of("sub", "w-new", "cognito:groups", "[worker]",
                "custom:team_id", People.NORTH)));
    }

    @Test
    void aTokenOfAnotherProviderIsRefusedEverywhere() {
        SetupApi api = new SetupApi();
        var before = api.table.snapshot();
        for (Map<String, String> who : List.of(People.PRIYA, People.AMARA, People.MARIA, People.KEITH)) {
            SetupApi.Reply r = api.call(HttpEvents.route("GET /me").as(with(who, "custom:provider_id", "p-elsewhere")));
            assertEquals(403, r.status(), who::toString);
            assertEquals("application/problem+json", r.headers().get("content-type"));
        }
        api.expect(403, HttpEvents.route("POST /teams").as(with(People.PRIYA, "custom:provider_id", "p-elsewhere"))
                .header("Idempotency-Key", "k-1").body("{\"name\":\"Elsewhere\"}"));
        assertEquals(before, api.table.snapshot(), "nothing written, not even an idempotency record");
    }

    /** An access token carries the groups but no custom attributes: only ID tokens are taken. */
    @Test
    void anAccessTokenIsRefused() {
        SetupApi api = new SetupApi();
        api.expect(401, HttpEvents.route("GET /me").as(with(with(People.PRIYA, "token_use", "access"),
                "custom:provider_id", null)));
        api.expect(200, HttpEvents.route("GET /me").as(with(People.PRIYA, "token_use", "id")));
    }

    /** A claim the id rule refuses names nothing, and never becomes part of a key DynamoDB would refuse. */
    @Test
    void oversizedOrOddClaimsNameNothing() {
        SetupApi api = new SetupApi();
        for (String odd : List.of("t".repeat(3000), "t-north#MEMBER#w-amara", "t north")) {
            api.expect(404, getTeam(People.NORTH, with(People.AMARA, "custom:team_id", odd)));
            assertEquals(0, api.expect(200, HttpEvents.route("GET /contracts")
                    .as(with(People.KEITH, "custom:commissioner_id", odd))).json().get("contracts").size());
        }
    }

    @Test
    void removingAWorkerEndsTheirAccessAtOnceAndKeepsTheFormerMembership() {
        SetupApi api = new SetupApi();
        api.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA).as(People.AMARA));
        JsonNode removed = api.expect(200, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}")
                .path("teamId", People.NORTH).path("workerId", "w-amara").as(People.PRIYA)).json();
        assertEquals("w-amara", removed.get("workerId").asText());
        assertEquals(SetupApi.NOW.toString(), removed.get("leftAt").asText());
        assertEquals(2, removed.get("size").asInt(), "Ben and Dev remain");
        api.expect(404, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA).as(People.AMARA));
        api.expect(404, getTeam(People.NORTH, People.AMARA));
        var former = new TeamStore(api.table.data()).formerMembers(People.NORTH);
        assertEquals(List.of("w-amara"), former.stream().map(m -> m.workerId()).toList());
        assertEquals("a-priya", former.getFirst().removedBy());
        // removing again: she is no member
        api.expect(404, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-amara").as(People.PRIYA));
        // and she can join another team
        api.expect(201, HttpEvents.route("POST /teams/{teamId}/members").path("teamId", People.SOUTH).as(People.PRIYA)
                .body("{\"workerId\":\"w-amara\",\"displayName\":\"Amara\"}"));
        api.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ARTHUR)
                .as(with(People.AMARA, "custom:team_id", null)));
    }

    @Test
    void onlyTheAdminRemovesMembersAndOthersIdsLookUnknown() {
        SetupApi api = new SetupApi();
        var before = api.table.snapshot();
        HttpEvents removeBen = HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-ben");
        api.expect(403, removeBen.as(People.AMARA));
        api.expect(404, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-ben").as(People.CHLOE));
        api.expect(404, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-ben").as(People.MARIA));
        api.expect(403, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-ben").as(People.NOBODY));
        // Chloe is a member of South, not North; an unknown team; malformed ids
        api.expect(404, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-chloe").as(People.PRIYA));
        api.expect(404, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", "t-nope")
                .path("workerId", "w-ben").as(People.PRIYA));
        api.expect(400, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w#ben").as(People.PRIYA));
        api.expect(400, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w".repeat(65)).as(People.PRIYA));
        assertEquals(before, api.table.snapshot());
    }

    private static void contract(SetupApi api, String id, String commissioner) {
        new ContractStore(api.table.data()).create(new Contract(id, commissioner, "Council " + commissioner,
                List.of(People.NORTH), java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31),
                "a-priya", SetupApi.NOW, 1));
    }

    @Test
    void aCommissionerSeesContractsThroughTheirAccountOnly() {
        SetupApi api = new SetupApi();
        contract(api, "ct-hills", "comm-hills");
        Map<String, String> hilda = Map.of("sub", "k-hilda", "cognito:groups", "[commissioner]",
                "custom:commissioner_id", "comm-hills");
        // her token names the council, but she has no account yet
        assertEquals(0, api.expect(200, HttpEvents.route("GET /contracts").as(hilda)).json().get("contracts").size());
        api.expect(404, HttpEvents.route("GET /contracts/{contractId}").path("contractId", "ct-hills").as(hilda));

        JsonNode added = api.expect(201, HttpEvents.route("POST /commissioners/{commissionerId}/accounts")
                .path("commissionerId", "comm-hills").as(People.PRIYA)
                .body("{\"sub\":\"k-hilda\",\"displayName\":\"Hilda\"}")).json();
        assertEquals("comm-hills", added.get("commissionerId").asText());
        assertEquals(List.of("ct-hills"), api.expect(200, HttpEvents.route("GET /contracts").as(hilda)).json().get("contracts")
                .findValuesAsText("contractId"));
        // without the claim she is found through her account; a claim naming another council narrows to nothing
        assertEquals(1, api.expect(200, HttpEvents.route("GET /contracts").as(with(hilda, "custom:commissioner_id", null))).json()
                .get("contracts").size());
        assertEquals(0, api.expect(200, HttpEvents.route("GET /contracts")
                .as(with(hilda, "custom:commissioner_id", "comm-ridgeshire"))).json().get("contracts").size());
        assertEquals(List.of("k-hilda"), api.expect(200, HttpEvents.route("GET /commissioners/{commissionerId}/accounts")
                .path("commissionerId", "comm-hills").as(People.PRIYA)).json().get("accounts").findValuesAsText("sub"));

        api.expect(200, HttpEvents.route("DELETE /commissioners/{commissionerId}/accounts/{sub}")
                .path("commissionerId", "comm-hills").path("sub", "k-hilda").as(People.PRIYA));
        assertEquals(0, api.expect(200, HttpEvents.route("GET /contracts").as(hilda)).json().get("contracts").size(),
                "access ends at once");
    }

    @Test
    void commissionerAccountsRefuseBadInputAndOthersIds() {
        SetupApi api = new SetupApi();
        contract(api, "ct-hills", "comm-hills");
        var before = api.table.snapshot();
        for (String body : List.of("{}", "{\"sub\":\"k#x\",\"displayName\":\"X\"}", "{\"sub\":\"k-x\"}",
                "{\"sub\":\"k-x\",\"displayName\":\"" + "x".repeat(81) + "\"}", "{\"sub\":7,\"displayName\":\"X\"}",
                "{\"sub\":\"k-x\",\"displayName\":\"X\",\"commissionerId\":\"comm-hills\"}", "not json")) {
            api.expect(400, HttpEvents.route("POST /commissioners/{commissionerId}/accounts")
                    .path("commissionerId", "comm-hills").as(People.PRIYA).body(body));
        }
        // a council no contract names; Keith, who has an account at Ridgeshire already; not the admin
        api.expect(404, HttpEvents.route("POST /commissioners/{commissionerId}/accounts").path("commissionerId", "comm-typo")
                .as(People.PRIYA).body("{\"sub\":\"k-x\",\"displayName\":\"X\"}"));
        api.expect(409, HttpEvents.route("POST /commissioners/{commissionerId}/accounts").path("commissionerId", "comm-hills")
                .as(People.PRIYA).body("{\"sub\":\"k-keith\",\"displayName\":\"Keith\"}"));
        for (Map<String, String> who : List.of(People.KEITH, People.AMARA, People.MARIA)) {
            api.expect(403, HttpEvents.route("POST /commissioners/{commissionerId}/accounts")
                    .path("commissionerId", "comm-hills").as(who).body("{\"sub\":\"k-x\",\"displayName\":\"X\"}"));
            api.expect(403, HttpEvents.route("GET /commissioners/{commissionerId}/accounts")
                    .path("commissionerId", "comm-ridgeshire").as(who));
            api.expect(403, HttpEvents.route("DELETE /commissioners/{commissionerId}/accounts/{sub}")
                    .path("commissionerId", "comm-ridgeshire").path("sub", "k-keith").as(who));
        }
        api.expect(404, HttpEvents.route("DELETE /commissioners/{commissionerId}/accounts/{sub}")
                .path("commissionerId", "comm-hills").path("sub", "k-keith").as(People.PRIYA));
        api.expect(400, HttpEvents.route("DELETE /commissioners/{commissionerId}/accounts/{sub}")
                .path("commissionerId", "comm-hills").path("sub", "k keith").as(People.PRIYA));
        api.expect(404, HttpEvents.route("GET /commissioners/{commissionerId}/accounts")
                .path("commissionerId", "comm hills").as(People.PRIYA));
        assertEquals(before, api.table.snapshot());
    }

    private String inviteWithEmail(SetupApi api, String email) {
        return api.expect(201, HttpEvents.route("POST /clients/{clientId}/invites").path("clientId", People.ROSA)
                .as(People.AMARA).body(Json.write(Map.of("displayName", "Sam", "relationship", "grandson",
                        "email", email)))).json().get("code").asText();
    }

    @Test
    void anInviteToAnAddressIsAcceptedOnlyWithThatAddressVerified() {
        SetupApi api = new SetupApi();
        String code = inviteWithEmail(api, "sam@example.com");
        var before = api.table.snapshot();
        api.expect(403, SetupApi.accept(code, People.SAM));
        api.expect(403, SetupApi.accept(code, with(with(People.SAM, "email", "sam@example.com"), "email_verified", "false")));
        api.expect(403, SetupApi.accept(code, with(with(People.SAM, "email", "other@example.com"), "email_verified", "true")));
        assertEquals(before, api.table.snapshot(), "the code stays unused for its addressee");
        api.expect(200, SetupApi.accept(code, with(with(People.SAM, "email", "Sam@Example.com"), "email_verified", "true")));
        // an invite without an address is for whoever has the code, as before
        api.expect(200, SetupApi.accept(api.inviteFamily(People.ARTHUR, People.CHLOE), People.SAM));
    }

    /** The codes a worker handed out do not outlive their place in the team; an admin's do. */
    @Test
    void anInviteMadeByAWorkerWhoHasLeftIsWithdrawn() {
        SetupApi api = new SetupApi();
        String byAmara = api.inviteFamily(People.ROSA, People.AMARA);
        String byPriya = api.inviteFamily(People.ROSA, People.PRIYA);
        api.expect(200, HttpEvents.route("DELETE /teams/{teamId}/members/{workerId}").path("teamId", People.NORTH)
                .path("workerId", "w-amara").as(People.PRIYA));
        var before = api.table.snapshot();
        JsonNode withdrawn = api.expect(410, SetupApi.accept(byAmara, People.SAM)).json();
        assertTrue(withdrawn.get("type").asText().endsWith("/invite-withdrawn"), withdrawn.toString());
        assertEquals(before, api.table.snapshot());
        api.expect(200, SetupApi.accept(byPriya, People.SAM));
    }

    @ParameterizedTest(name = "relinking {0} keeps the revoked link on record")
    @ValueSource(strings = {"by a worker", "by the admin"})
    void relinkingAfterARevocationKeepsTheHistory(String who) {
        SetupApi api = new SetupApi();
        Map<String, String> by = who.equals("by a worker") ? People.BEN : People.PRIYA;
        // Jo's link to Rosa was revoked; she is invited again and accepts
        Map<String, String> jo = Map.of("sub", "f-former", "cognito:groups", "[family]", "custom:provider_id", "p-riverside");
        api.expect(200, SetupApi.accept(api.inviteFamily(People.ROSA, by), jo));
        List<FamilyLink> links = new FamilyLinkStore(api.table.data()).ofClient(People.ROSA).stream()
                .filter(l -> l.familySub().equals("f-former")).toList();
        assertEquals(2, links.size(), links.toString());
        assertTrue(links.stream().anyMatch(FamilyLink::active), "the new link");
        assertTrue(links.stream().anyMatch(l -> !l.active() && l.revokedAt() != null), "the revoked one, kept");
        JsonNode listed = api.expect(200, HttpEvents.route("GET /clients/{clientId}/family").path("clientId", People.ROSA)
                .as(by)).json().get("links");
        assertEquals(2, listed.findValuesAsText("familySub").stream().filter("f-former"::equals).count(), listed.toString());
        api.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA).as(jo));
        // revoking the new one and relinking again keeps both earlier ones
        api.expect(200, HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}").path("clientId", People.ROSA)
                .path("familySub", "f-former").as(by));
        api.expect(200, SetupApi.accept(api.inviteFamily(People.ROSA, by), jo));
        assertEquals(3, new FamilyLinkStore(api.table.data()).ofClient(People.ROSA).stream()
                .filter(l -> l.familySub().equals("f-former")).count());
    }
}
