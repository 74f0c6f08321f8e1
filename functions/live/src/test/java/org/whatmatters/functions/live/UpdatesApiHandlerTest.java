package org.whatmatters.functions.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.ApiFixture.Reply;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** GET /clients/{clientId}/updates on a feed the fan-out wrote: paging, who may read it, bad input. */
class UpdatesApiHandlerTest {

    private static final LiveTables T = new LiveTables();
    private static final UpdatesApiHandler API = new UpdatesApiHandler(UpdatesComponent.create(T.env()));
    private static final List<String> PLANNED = new ArrayList<>();

    static {
        StreamEvents stream = new StreamEvents(T.table.data());
        VisitStore visits = new VisitStore(T.table.data());
        for (int i = 1; i <= 5; i++) {
            var v = FanOutHandlerTest.planned("v-" + i, People.ROSA, People.NORTH,
                    FanOutHandlerTest.NOW.plusSeconds(i), "w-amara");
            PLANNED.add(v.visitId());
            stream.change("VISIT#" + v.visitId(), "VISIT", () -> visits.create(v));
        }
        stream.change("PERIOD#p-1", "INVITATION#family#f-maria", () -> new InvitationStore(T.table.data()).invite(
                new Invitation("p-1", "k-1", RespondentType.FAMILY, "f-maria", People.ROSA, People.NORTH, "a-priya",
                        FanOutHandlerTest.NOW.plusSeconds(600))));
        StreamsEventResponse r = new FanOutHandler(FanOutComponent.create(T.env())).handleRequest(stream.event(), null);
        assertTrue(r.getBatchItemFailures().isEmpty());
    }

    @AfterAll
    static void close() {
        T.close();
    }

    private static Reply get(Map<String, String> as, String clientId, Map<String, String> query) {
        HttpEvents e = HttpEvents.route("GET /clients/{clientId}/updates").path("clientId", clientId).as(as);
        query.forEach(e::query);
        return ApiFixture.call(API, e.build());
    }

    private static List<String> types(Reply r) {
        List<String> out = new ArrayList<>();
        r.json().get("updates").forEach(u -> out.add(u.get("type").asText()));
        return out;
    }

    @Test
    void pagesOldestFirstWithACursor() {
        List<String> visitIds = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> q = cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor);
            Reply r = get(People.BEN, People.ROSA, q);
            assertEquals(200, r.status(), r.json()::toString);
            r.json().get("updates").forEach(u -> visitIds.add(u.at("/data/visitId").asText()));
            cursor = r.json().path("nextCursor").asText(null);
            pages++;
        } while (cursor != null);
        assertEquals(PLANNED, visitIds, "the team sees every visit update, but not the family's survey invitation");
        assertEquals(3, pages);
    }

    @Test
    void theInvitedFamilyMemberSeesTheirSurveyInvitation() {
        Reply r = get(People.MARIA, People.ROSA, Map.of());
        assertEquals(200, r.status(), r.json()::toString);
        assertEquals(List.of("visit.planned", "visit.planned", "visit.planned", "visit.planned", "visit.planned",
                "survey.open"), types(r));
        assertNull(r.json().get("nextCursor"));
        JsonNode first = r.json().get("updates").get(0);
        assertEquals("c-rosa", first.get("clientId").asText());
        assertTrue(first.get("id").asText().startsWith("u-"));
        assertEquals("2026-11-23T10:30:01Z", first.get("time").asText());
    }

    @Test
    void sinceIsInclusiveAndLaterSinceGivesNothing() {
        assertEquals(6, types(get(People.MARIA, People.ROSA, Map.of("since", "2026-11-23T10:30:01Z"))).size());
        assertEquals(5, types(get(People.MARIA, People.ROSA, Map.of("since", "2026-11-23T10:30:01.001Z"))).size());
        assertEquals(List.of("survey.open"), types(get(People.MARIA, People.ROSA, Map.of("since", "2026-11-23T11:40:00+01:00"))));
        assertEquals(0, types(get(People.MARIA, People.ROSA, Map.of("since", "2026-11-23T10:40:00.001Z"))).size());
    }

    @Test
    void peopleWithNoRightToTheClientGet404AsForAnUnknownClient() {
        for (Map<String, String> who : List.of(People.TOM, People.FORMER, People.CHLOE, People.KEITH)) {
            Reply r = get(who, People.ROSA, Map.of());
            assertEquals(404, r.status(), who::toString);
            assertEquals("application/problem+json", r.headers().get("content-type"));
        }
        assertEquals(404, get(People.MARIA, "c-nobody", Map.of()).status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"since=yesterday", "since=2026-11-23", "limit=0", "limit=101", "limit=ten", "cursor=",
            "cursor=bm90LWEtY3Vyc29y", "cursor=%%%"})
    void badInputIs400WithAProblem(String query) {
        String[] kv = query.split("=", 2);
        Reply r = get(People.MARIA, People.ROSA, Map.of(kv[0], kv[1]));
        assertEquals(400, r.status(), r.json()::toString);
        assertEquals("application/problem+json", r.headers().get("content-type"));
        assertEquals(kv[0], r.json().at("/errors/0/field").asText(), r.json()::toString);
    }

    @Test
    void aCursorForOneClientDoesNotReadAnother() {
        String cursor = get(People.PRIYA, People.ROSA, Map.of("limit", "1")).json().get("nextCursor").asText();
        Reply r = get(People.PRIYA, People.ARTHUR, Map.of("cursor", cursor));
        assertEquals(400, r.status());
        Reply earlier = get(People.PRIYA, People.ROSA, Map.of("cursor", cursor, "since", "2026-11-24T00:00:00Z"));
        assertEquals(400, earlier.status(), "a cursor before since");
    }
}
