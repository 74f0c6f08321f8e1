package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Listing a client's visits: newest first, from/to, and opaque cursor paging. */
class ListingTest {

    private static final VisitsApi API = new VisitsApi();
    private static final List<String> PLANNED = new ArrayList<>();

    @BeforeAll
    static void planTwelveVisits() {
        Instant first = Instant.parse("2026-11-01T09:00:00Z");
        for (int day = 0; day < 12; day++) {
            Instant s = first.plusSeconds(86_400L * day);
            PLANNED.add(API.plan(s.toString(), s.plusSeconds(3600).toString()));
        }
    }

    private static VisitsApi.Reply list(String query, String cursor) {
        var e = HttpEvents.route("GET /clients/{clientId}/visits").path("clientId", People.ROSA).as(People.MARIA);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                e.query(kv[0], kv[1]);
            }
        }
        if (cursor != null) {
            e.query("cursor", cursor);
        }
        return API.call(e);
    }

    @Test
    void pagesNewestFirstWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            VisitsApi.Reply r = list("from=2026-11-01&to=2026-11-12&limit=5", cursor);
            assertEquals(200, r.status(), r.json()::toString);
            r.json().get("visits").forEach(v -> {
                seen.add(v.get("visitId").asText());
                starts.add(v.get("plannedStart").asText());
            });
            cursor = r.json().has("nextCursor") ? r.json().get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(12, seen.size());
        assertEquals(PLANNED.reversed(), seen);
        List<String> sorted = new ArrayList<>(starts);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, starts);
    }

    @Test
    void fromAndToBoundTheList() {
        VisitsApi.Reply r = list("from=2026-11-03&to=2026-11-05", null);
        assertEquals(200, r.status());
        assertEquals(3, r.json().get("visits").size());
        assertEquals("2026-11-05T09:00:00Z", r.json().at("/visits/0/plannedStart").asText());
        VisitsApi.Reply instants = list("from=2026-11-03T00:00:00Z&to=2026-11-03T23:59:59Z", null);
        assertEquals(1, instants.json().get("visits").size());
    }

    @Test
    void anExactlyFullLastPageHasNoCursor() {
        VisitsApi.Reply r = list("from=2026-11-01&to=2026-11-12&limit=12", null);
        assertEquals(12, r.json().get("visits").size());
        assertFalse(r.json().has("nextCursor"));
    }

    @Test
    void badQueriesAreRefused() {
        for (String q : List.of("limit=0", "limit=101", "limit=ten", "from=yesterday", "to=2026-13-01",
                "from=2026-11-10&to=2026-11-01")) {
            VisitsApi.Reply r = list(q, null);
            assertEquals(400, r.status(), q);
            assertEquals("application/problem+json", r.contentType());
            assertNotNull(r.json().get("errors"), q);
        }
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() {
        VisitsApi.Reply first = list("limit=2", null);
        String cursor = first.json().get("nextCursor").asText();
        for (String bad : List.of("not-a-cursor", cursor.substring(0, cursor.length() - 3), "e30")) {
            VisitsApi.Reply r = list("limit=2", bad);
            assertEquals(400, r.status(), bad);
            assertTrue(r.json().toString().contains("cursor"));
        }
        // A cursor from Rosa's list does not page through Arthur's, even for Arthur's family.
        VisitsApi.Reply foreign = API.call(HttpEvents.route("GET /clients/{clientId}/visits")
                .path("clientId", People.ARTHUR).as(People.TOM).query("cursor", cursor));
        assertEquals(400, foreign.status());
        // Nor a page outside the range it was issued for.
        VisitsApi.Reply outside = list("from=2026-11-20&to=2026-11-30&limit=2", cursor);
        assertEquals(400, outside.status());
    }
}
