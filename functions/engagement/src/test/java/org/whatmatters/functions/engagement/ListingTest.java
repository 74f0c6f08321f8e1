package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Listing stories, health events and shifts: newest first, from/to, cursor paging, and who sees what. */
class ListingTest {

    private static final EngagementApi API = new EngagementApi();
    private static final List<String> CONSENTS = List.of("team", "family", "commissioner-anonymised");
    /** Story ids newest first, the sample story among them. */
    private static final List<String> ALL = new ArrayList<>();
    private static final List<String> FAMILY_VISIBLE = new ArrayList<>();

    @BeforeAll
    static void twelveStoriesSixHealthEventsFiveShifts() {
        String twentieth = null;
        for (int i = 0; i < 12; i++) {
            String date = LocalDate.of(2026, 11, 10).plusDays(i).toString();
            String consent = CONSENTS.get(i % 3);
            String id = API.expect(201, EngagementApi.story(i % 4 == 0 ? People.MARIA : People.BEN, People.ROSA,
                    EngagementApi.storyBody(date, consent, "wellbeing"))).json().get("storyId").asText();
            ALL.addFirst(id);
            if (date.equals("2026-11-20")) {
                twentieth = id;
            }
            if (!consent.equals("team")) {
                FAMILY_VISIBLE.addFirst(id);
            }
        }
        // The sample story is dated the 20th too, but was recorded a day earlier: it follows that day's story.
        ALL.add(ALL.indexOf(twentieth) + 1, EngagementApi.SAMPLE_STORY);
        FAMILY_VISIBLE.add(FAMILY_VISIBLE.indexOf(twentieth) + 1, EngagementApi.SAMPLE_STORY);
        for (int i = 0; i < 6; i++) {
            API.expect(201, EngagementApi.health(People.AMARA, People.ROSA,
                    EngagementApi.healthBody("fall", LocalDate.of(2026, 11, 1).plusDays(3 * i).toString())));
        }
        for (int i = 0; i < 5; i++) {
            Instant start = Instant.parse("2026-11-18T08:00:00Z").plusSeconds(86_400L * i);
            API.expect(201, EngagementApi.shift(i % 2 == 0 ? People.AMARA : People.BEN, People.NORTH,
                    EngagementApi.shiftBody(start.toString(), start.plusSeconds(4 * 3600).toString())));
        }
    }

    private static List<String> pages(String route, String param, String value, Map<String, String> who,
                                      String query, String listField, String idField) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpEvents e = HttpEvents.route(route).path(param, value).as(who);
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    e.query(kv[0], kv[1]);
                }
            }
            if (cursor != null) {
                e.query("cursor", cursor);
            }
            JsonNode page = API.expect(200, e).json();
            page.get(listField).forEach(s -> seen.add(s.get(idField).asText()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return seen;
    }

    @Test
    void theTeamPagesThroughEveryStoryNewestFirst() {
        assertEquals(ALL, pages("GET /clients/{clientId}/stories", "clientId", People.ROSA, People.AMARA, "limit=5",
                "stories", "storyId"));
        assertEquals(ALL, pages("GET /clients/{clientId}/stories", "clientId", People.ROSA, People.PRIYA, "limit=100",
                "stories", "storyId"));
    }

    @Test
    void theFamilySeesOnlyStoriesSharedWithThem() {
        List<String> seen = pages("GET /clients/{clientId}/stories", "clientId", People.ROSA, People.MARIA, "limit=3",
                "stories", "storyId");
        assertEquals(FAMILY_VISIBLE, seen);
        JsonNode page = API.expect(200, HttpEvents.route("GET /clients/{clientId}/stories")
                .path("clientId", People.ROSA).as(People.MARIA).query("limit", "100")).json();
        page.get("stories").forEach(s -> {
            assertFalse(s.get("consent").asText().equals("team"));
            assertFalse(s.get("author").has("id"));
        });
    }

    @Test
    void fromAndToBoundTheStories() {
        JsonNode page = API.expect(200, HttpEvents.route("GET /clients/{clientId}/stories")
                .path("clientId", People.ROSA).as(People.AMARA).query("from", "2026-11-12").query("to", "2026-11-14"))
                .json();
        assertEquals(3, page.get("stories").size());
        assertEquals("2026-11-14", page.at("/stories/0/date").asText());
        assertFalse(page.has("nextCursor"));
    }

    @Test
    void healthEventsNewestFirst() {
        List<String> dates = new ArrayList<>();
        API.expect(200, HttpEvents.route("GET /clients/{clientId}/health-events").path("clientId", People.ROSA)
                .as(People.BEN).query("from", "2026-11-04").query("to", "2026-11-13")).json().get("healthEvents")
                .forEach(e -> dates.add(e.get("date").asText()));
        assertEquals(List.of("2026-11-13", "2026-11-10", "2026-11-07", "2026-11-04"), dates);
    }

    @Test
    void shiftsByTimeForTheTeam() {
        List<String> starts = new ArrayList<>();
        API.expect(200, HttpEvents.route("GET /teams/{teamId}/shifts").path("teamId", People.NORTH).as(People.BEN)
                .query("from", "2026-11-19").query("to", "2026-11-21T08:00:00Z")).json().get("shifts")
                .forEach(s -> starts.add(s.get("start").asText()));
        assertEquals(List.of("2026-11-21T08:00:00Z", "2026-11-20T08:00:00Z", "2026-11-19T08:00:00Z"), starts);
        assertEquals(5, pages("GET /teams/{teamId}/shifts", "teamId", People.NORTH, People.PRIYA, "limit=2", "shifts",
                "shiftId").size());
    }

    @Test
    void badQueriesAndForeignCursorsAreRefused() {
        for (String[] q : List.of(new String[] {"limit", "0"}, new String[] {"limit", "101"},
                new String[] {"limit", "many"}, new String[] {"from", "yesterday"}, new String[] {"to", "2026-13-01"},
                new String[] {"cursor", "not-a-cursor"}, new String[] {"cursor", ""})) {
            API.expectRejected(HttpEvents.route("GET /clients/{clientId}/stories").path("clientId", People.ROSA)
                    .as(People.AMARA).query(q[0], q[1]), 400, q[0]);
        }
        API.expectRejected(HttpEvents.route("GET /clients/{clientId}/stories").path("clientId", People.ROSA)
                .as(People.AMARA).query("from", "2026-11-10").query("to", "2026-11-01"), 400, "to");
        String familyCursor = API.expect(200, HttpEvents.route("GET /clients/{clientId}/stories")
                .path("clientId", People.ROSA).as(People.MARIA).query("limit", "1")).json().get("nextCursor").asText();
        // A family cursor names the family index: it does not page the team's listing, nor another client's.
        API.expectRejected(HttpEvents.route("GET /clients/{clientId}/stories").path("clientId", People.ROSA)
                .as(People.AMARA).query("cursor", familyCursor), 400, "cursor");
        API.expectRejected(HttpEvents.route("GET /clients/{clientId}/stories").path("clientId", People.ARTHUR)
                .as(People.TOM).query("cursor", familyCursor), 400, "cursor");
        String shiftCursor = API.expect(200, HttpEvents.route("GET /teams/{teamId}/shifts")
                .path("teamId", People.NORTH).as(People.PRIYA).query("limit", "1")).json().get("nextCursor").asText();
        assertTrue(API.expectRejected(HttpEvents.route("GET /teams/{teamId}/shifts").path("teamId", People.NORTH)
                .as(People.PRIYA).query("to", "2026-11-20").query("cursor", shiftCursor), 400, "cursor")
                .json().toString().contains("range"));
    }
}
