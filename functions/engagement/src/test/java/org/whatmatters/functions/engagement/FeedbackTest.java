package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** One answer per respondent per period: identical retries get the first answer, different ones 409. */
class FeedbackTest {

    private final EngagementApi api = new EngagementApi();
    private final String rosa = EngagementApi.responseBody(People.ROSA, 6, 6, 5, 10, "She is herself again");

    private Map<String, Long> period() {
        return new AggregateStore(api.table.data()).read(AggregateKey.period(EngagementApi.OPEN));
    }

    @Test
    void anIdenticalRetryGetsTheFirstAnswerAndCountsOnce() {
        var first = api.expect(201, EngagementApi.respond(People.MARIA, EngagementApi.OPEN, rosa));
        var before = api.table.snapshot();
        var again = api.expect(200, EngagementApi.respond(People.MARIA, EngagementApi.OPEN, rosa));
        assertEquals(first.json(), again.json(), "the same body as the original 201");
        assertEquals(before, api.table.snapshot(), "a retry writes nothing");
        assertEquals(1L, period().get(Counter.RESPONSES));
        api.expectRejected(EngagementApi.respond(People.MARIA, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ROSA, 1, 1, 1, 0, null)), 409, null);
        assertEquals(first.json(), api.expect(200, HttpEvents.route("GET /survey-periods/{periodId}/responses/mine")
                .path("periodId", EngagementApi.OPEN).as(People.MARIA)).json());
    }

    @Test
    void theFamilyAndTheClientEachAnswerOnce() {
        api.expect(201, EngagementApi.respond(People.MARIA, EngagementApi.OPEN, rosa));
        var client = api.expect(201, EngagementApi.respond(People.BEN, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ROSA, 5, 4, 3, 6, null)));
        assertEquals("client", client.json().get("respondentType").asText());
        assertEquals(People.ROSA, client.json().get("respondentId").asText());
        // Another worker of the team recording the same answers is a retry, not a second answer.
        api.expect(200, EngagementApi.respond(People.AMARA, EngagementApi.OPEN,
                EngagementApi.responseBody(People.ROSA, 5, 4, 3, 6, null)));
        Map<String, Long> p = period();
        assertEquals(2L, p.get(Counter.RESPONSES));
        assertEquals(1L, p.get(Counter.PROMOTERS));
        assertEquals(1L, p.get(Counter.DETRACTORS));
        assertEquals(11L, p.get(Counter.ratingSum("positive-impact")));
        assertEquals(2L, p.get(Counter.ratingCount("creativity")));
        // Both answers are about Rosa, so the north team's aggregate holds them all (invitations aside).
        assertEquals(stripInvitations(p), stripInvitations(new AggregateStore(api.table.data())
                .read(AggregateKey.periodTeam(EngagementApi.OPEN, People.NORTH))));

        assertEquals(client.json(), api.expect(200, HttpEvents.route("GET /survey-periods/{periodId}/responses/mine")
                .path("periodId", EngagementApi.OPEN).query("clientId", People.ROSA).as(People.AMARA)).json());
        api.expectRejected(HttpEvents.route("GET /survey-periods/{periodId}/responses/mine")
                .path("periodId", EngagementApi.OPEN).as(People.AMARA), 400, "clientId");
        api.expectRejected(HttpEvents.route("GET /survey-periods/{periodId}/responses/mine")
                .path("periodId", EngagementApi.OPEN).as(People.TOM), 404, null);
    }

    @Test
    void twoIdenticalSubmissionsAtOnceStoreAndCountOne() throws Exception {
        List<Callable<Integer>> both = List.of(
                () -> api.call(EngagementApi.respond(People.TOM, EngagementApi.OPEN,
                        EngagementApi.responseBody(People.ARTHUR, 3, 3, 3, 8, null))).status(),
                () -> api.call(EngagementApi.respond(People.TOM, EngagementApi.OPEN,
                        EngagementApi.responseBody(People.ARTHUR, 3, 3, 3, 8, null))).status());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Integer> statuses = pool.invokeAll(both).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).sorted().toList();
            assertEquals(List.of(200, 201), statuses);
        }
        assertEquals(1L, period().get(Counter.RESPONSES));
        assertEquals(1L, period().get(Counter.PASSIVES));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponseOfAnyWriteRoute() {
        HttpEvents story = EngagementApi.story(People.AMARA, People.ROSA,
                EngagementApi.storyBody("2026-11-21", "team", "dignity")).header("Idempotency-Key", "k-1");
        var first = api.expect(201, story);
        var replay = api.expect(201, story);
        assertEquals(first.json(), replay.json());
        assertTrue(replay.headers().containsKey("idempotent-replayed"), replay.headers()::toString);
        assertEquals(2L, new AggregateStore(api.table.data())
                .read(AggregateKey.teamMonth(People.NORTH, YearMonth.of(2026, 11))).get(Counter.STORIES),
                "the sample story and this one, counted once");
    }

    private static Map<String, Long> stripInvitations(Map<String, Long> p) {
        var copy = new TreeMap<>(p);
        copy.remove(Counter.INVITATIONS);
        return copy;
    }
}
