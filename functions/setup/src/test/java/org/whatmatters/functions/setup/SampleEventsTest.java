package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.testing.People;

/** Every sample event in events/http/setup, through the real handler on DynamoDB Local. */
class SampleEventsTest {

    private final SetupApi api = new SetupApi();

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/http/setup/" + name + ".json");
    }

    private JsonNode ok(int status, String name) {
        SetupApi.Reply r = api.call(sample(name));
        assertEquals(status, r.status(), () -> name + ": " + r.json());
        assertEquals("application/json", r.contentType());
        return r.json();
    }

    @Test
    void teams() {
        JsonNode team = ok(201, "create-team");
        assertEquals("Riverside East", team.get("name").asText());
        assertTrue(team.get("teamId").asText().startsWith("t-"));
        assertEquals(0, team.get("size").asInt());

        JsonNode added = ok(201, "add-member");
        assertEquals("w-ines", added.get("workerId").asText());
        assertEquals(4, added.get("size").asInt());
        assertFalse(added.has("sizeAdvice"), "four is well under twelve");

        List<String> names = new ArrayList<>();
        ok(200, "list-teams").get("teams").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("Riverside East", "Riverside North", "Riverside South"), names);

        JsonNode north = ok(200, "get-team");
        assertEquals(4, north.get("members").size());
        assertEquals("Rosa Bennett", north.at("/clients/0/displayName").asText());
    }

    @Test
    void clientsAndPlannedHours() {
        JsonNode client = ok(201, "create-client");
        assertEquals("Iris Walker", client.get("displayName").asText());
        assertEquals(8.0, client.get("plannedHoursPerWeek").asDouble());
        assertEquals("2026-11-16", client.get("hoursEffectiveFrom").asText());
        assertEquals("Riverside North", client.get("teamName").asText());

        JsonNode change = ok(200, "change-planned-hours");
        assertEquals(12.0, change.get("hoursPerWeek").asDouble());
        assertEquals(14.0, change.get("previousHoursPerWeek").asDouble());
        assertEquals("a-priya", change.get("recordedBy").asText());

        JsonNode history = ok(200, "list-planned-hours");
        assertEquals(12.0, history.get("plannedHoursPerWeek").asDouble());
        assertEquals(1, history.get("changes").size());

        JsonNode family = ok(200, "get-client");
        assertEquals("Rosa Bennett", family.get("displayName").asText());
        assertEquals("Riverside North", family.get("teamName").asText());
        assertFalse(family.has("plannedHoursPerWeek"), "families do not see the commissioned hours");
        assertFalse(family.has("createdAt"));
    }

    @Test
    void contractsAndSurveyPeriods() {
        JsonNode contract = ok(201, "create-contract");
        assertEquals("comm-ridgeshire", contract.get("commissionerId").asText());
        assertEquals(2, contract.get("teamIds").size());

        assertEquals(2, ok(200, "list-contracts").get("contracts").size());
        assertEquals("Ridgeshire County Council", ok(200, "get-contract").get("commissionerName").asText());

        JsonNode period = ok(201, "create-survey-period");
        assertEquals("2027-Q1", period.get("label").asText());
        assertEquals("upcoming", period.get("status").asText());
        assertEquals("positive-impact", period.at("/questions/0/questionId").asText());
        assertEquals(3, period.get("questions").size());

        JsonNode periods = ok(200, "list-survey-periods").get("periods");
        assertEquals(2, periods.size());
        assertEquals("open", periods.get(0).get("status").asText());
        assertFalse(periods.get(0).has("invitations"), "commissioners do not see invitation counts");
    }

    @Test
    void membersAndCommissionerAccounts() {
        JsonNode removed = ok(200, "remove-member");
        assertEquals("w-chloe", removed.get("workerId").asText());
        assertEquals(0, removed.get("size").asInt());

        JsonNode added = ok(201, "add-commissioner-account");
        assertEquals("k-kofi", added.get("sub").asText());
        assertEquals("comm-ridgeshire", added.get("commissionerId").asText());
        List<String> subs = new ArrayList<>();
        ok(200, "list-commissioner-accounts").get("accounts").forEach(a -> subs.add(a.get("sub").asText()));
        assertEquals(List.of("k-keith", "k-kofi"), subs);
        assertEquals("k-kofi", ok(200, "remove-commissioner-account").get("sub").asText());
    }

    @Test
    void invitationsAreCountedOnce() {
        JsonNode first = ok(200, "invite-respondents");
        assertEquals(2, first.get("invited").asInt());
        assertEquals(0, first.get("alreadyInvited").asInt());
        JsonNode again = ok(200, "invite-respondents");
        assertEquals(0, again.get("invited").asInt());
        assertEquals(2, again.get("alreadyInvited").asInt());

        AggregateStore aggregates = new AggregateStore(api.table.data());
        assertEquals(2L, aggregates.read(AggregateKey.period(SetupApi.PERIOD)).get(Counter.INVITATIONS));
        assertEquals(1L, aggregates.read(AggregateKey.periodTeam(SetupApi.PERIOD, People.NORTH)).get(Counter.INVITATIONS));
        assertEquals(1L, aggregates.read(AggregateKey.periodTeam(SetupApi.PERIOD, People.SOUTH)).get(Counter.INVITATIONS));
        assertEquals(2, ok(200, "get-survey-period").get("invitations").asInt());
    }

    @Test
    void familyInvitesLinksAndRevocation() {
        SetupApi.Reply invite = api.call(sample("invite-family"));
        assertEquals(201, invite.status(), invite.json()::toString);
        assertEquals("no-store", invite.headers().get("cache-control"));
        assertEquals(43, invite.json().get("code").asText().length());
        assertEquals("2026-11-30T10:30:00Z", invite.json().get("expiresAt").asText());

        JsonNode linked = ok(200, "accept-invite");
        assertEquals("c-rosa", linked.get("clientId").asText());
        assertEquals("f-sam", linked.get("familySub").asText());
        assertEquals("grandson", linked.get("relationship").asText());
        assertTrue(new FamilyLinkStore(api.table.data()).find(People.ROSA, "f-sam").orElseThrow().active());

        List<String> subs = new ArrayList<>();
        ok(200, "list-family").get("links").forEach(l -> subs.add(l.get("familySub").asText()));
        assertEquals(List.of("f-maria", "f-sam", "f-former"), subs, "active links first, then revoked");

        JsonNode revoked = ok(200, "revoke-family");
        assertEquals("f-tom", revoked.get("familySub").asText());
        assertEquals("2026-11-23T10:30:00Z", revoked.get("revokedAt").asText());
        assertNull(new FamilyLinkStore(api.table.data()).find(People.ARTHUR, "f-tom").filter(l -> l.active())
                .orElse(null));
    }
}
