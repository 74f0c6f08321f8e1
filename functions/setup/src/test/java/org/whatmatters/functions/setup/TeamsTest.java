package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Team size: a 12th member is added, and the answer advises a split; ~10 is the sweet spot. */
class TeamsTest {

    @Test
    void theTwelfthMemberIsAddedAndASplitIsAdvised() {
        SetupApi api = new SetupApi();
        String team = api.createTeam("Riverside East");
        for (int i = 1; i <= 11; i++) {
            JsonNode added = api.addMember(team, "w-east-" + i);
            assertEquals(i, added.get("size").asInt());
            assertFalse(added.has("sizeAdvice"), "no advice at " + i);
        }
        JsonNode twelfth = api.addMember(team, "w-east-12");
        assertEquals(12, twelfth.get("size").asInt());
        assertEquals(12, twelfth.at("/sizeAdvice/size").asInt());
        assertEquals("split-advised", twelfth.at("/sizeAdvice/flag").asText());
        assertEquals("Teams work best around 10; at 12 or more, consider splitting.",
                twelfth.at("/sizeAdvice/message").asText());
        JsonNode thirteenth = api.addMember(team, "w-east-13");
        assertEquals(13, thirteenth.at("/sizeAdvice/size").asInt());

        JsonNode read = api.expect(200, HttpEvents.route("GET /teams/{teamId}").path("teamId", team).as(People.PRIYA)).json();
        assertEquals(13, read.get("members").size());
        assertEquals("split-advised", read.at("/sizeAdvice/flag").asText());
    }

    @Test
    void aWorkerReadsTheirTeamWithItsMembersAndClients() {
        SetupApi api = new SetupApi();
        JsonNode north = api.expect(200, HttpEvents.route("GET /teams/{teamId}").path("teamId", People.NORTH)
                .as(People.AMARA)).json();
        assertEquals("Riverside North", north.get("name").asText());
        assertEquals(3, north.get("size").asInt());
        assertEquals("Amara", north.at("/members/0/displayName").asText());
        assertEquals(People.ROSA, north.at("/clients/0/clientId").asText());
        assertEquals(1, north.get("clients").size(), "Arthur is South's");
    }
}
