package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** The split proposal over the real handler: from the visits of the last 90 days, for the provider admin only. */
class SplitProposalTest {

    private final SetupApi api = new SetupApi();
    private final VisitStore visits = new VisitStore(api.table.data());
    private int made;

    private void completed(String clientId, String worker, Duration ago) {
        Instant start = SetupApi.NOW.minus(ago);
        Visit v = Visit.planned("v-split-" + made++, clientId, People.NORTH, ServiceType.COMPANIONSHIP,
                LocalDate.ofInstant(start, SetupApi.ZONE), start, start.plusSeconds(3600), List.of(worker),
                new Location("1 Test Street", null, null), null, "a-priya", start.minusSeconds(86_400));
        visits.create(v.checkedIn(start, worker, null, start).checkedOut(start.plusSeconds(3600), worker, null, null,
                start.plusSeconds(3600)));
    }

    private HttpEvents proposal(String teamId, Map<String, String> who) {
        return HttpEvents.route("GET /teams/{teamId}/split-proposal").path("teamId", teamId).as(who);
    }

    /**
     * By hand: North has Amara, Ben and Dev. Rosa was seen by Amara 3 and Ben 2 times, Iris by Dev 4 times in the
     * last 90 days (Dev's visit to Rosa 100 days ago is older, and a planned visit does not count). Two and one:
     * {Amara, Ben} with Rosa, {Dev} with Iris keeps all 9 visits.
     */
    @Test
    void theProposalKeepsEachPersonWithTheWorkersWhoSeeThem() {
        String iris = api.expect(201, HttpEvents.route("POST /clients").as(People.PRIYA).body(BadInputTest.CLIENT))
                .json().get("clientId").asText();
        for (int d = 1; d <= 3; d++) {
            completed(People.ROSA, "w-amara", Duration.ofDays(d));
        }
        completed(People.ROSA, "w-ben", Duration.ofDays(5));
        completed(People.ROSA, "w-ben", Duration.ofDays(89));
        for (int d = 1; d <= 4; d++) {
            completed(iris, "w-dev", Duration.ofDays(10 * d));
        }
        completed(People.ROSA, "w-dev", Duration.ofDays(100));
        visits.create(Visit.planned("v-split-planned", iris, People.NORTH, ServiceType.COMPANIONSHIP,
                LocalDate.of(2026, 11, 22), SetupApi.NOW.minus(Duration.ofDays(1)), SetupApi.NOW, List.of("w-amara"),
                new Location("1 Test Street", null, null), null, "a-priya", SetupApi.NOW.minus(Duration.ofDays(2))));

        JsonNode p = api.expect(200, proposal(People.NORTH, People.PRIYA)).json();
        assertEquals(List.of("w-amara", "w-ben"), ids(p.get("staying"), "workerId"));
        assertEquals(List.of("w-dev"), ids(p.get("moving"), "workerId"));
        assertEquals(List.of(People.ROSA), ids(p.get("stayingClients"), "clientId"));
        assertEquals(List.of(iris), ids(p.get("movingClients"), "clientId"));
        assertEquals(9, p.get("visitsKept").asLong());
        assertEquals(9, p.get("visits").asLong());
        assertEquals(100.0, p.get("keptPercent").asDouble());
        assertEquals("2026-08-25", p.get("from").asText());
        assertEquals("Iris Walker", p.at("/movingClients/0/displayName").asText());
    }

    @Test
    void onlyTheProviderAdminAsksAndOnlyForATeamThatCanSplit() {
        api.expectRejected(proposal(People.NORTH, People.AMARA), 403, null);
        // Anyone who cannot see the team gets what an unknown team gets.
        for (Map<String, String> who : List.of(People.CHLOE, People.MARIA, People.KEITH)) {
            api.expectRejected(proposal(People.NORTH, who), 404, null);
        }
        api.expectRejected(proposal("t-nowhere", People.PRIYA), 404, null);
        api.expectRejected(proposal("t north!", People.PRIYA), 404, null);
        String small = api.createTeam("Riverside East");
        api.addMember(small, "w-east-1");
        api.expectRejected(proposal(small, People.PRIYA), 409, null);
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
