package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.LogCapture;
import org.whatmatters.testing.People;

/** Idempotency-Key on the visit write routes, and the aggregates and metrics a visit adds to, exactly once. */
class IdempotencyAndAggregatesTest {

    private final VisitsApi api = new VisitsApi();
    @RegisterExtension
    final LogCapture log = new LogCapture();

    private static HttpEvents plan(String key, String body) {
        HttpEvents e = HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.AMARA).body(body);
        return key == null ? e : e.header("idempotency-key", key);
    }

    private long visitItems() {
        return api.table.snapshot().stream().filter(i -> i.get("kind").s().equals("Visit")).count();
    }

    private static final String BODY = VisitsApi.planBody("2026-11-25T09:00:00Z", "2026-11-25T10:00:00Z", "w-amara");

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndWritesNothing() {
        long before = visitItems();
        VisitsApi.Reply first = api.call(plan("k-1", BODY));
        assertEquals(201, first.status());
        VisitsApi.Reply retry = api.call(plan("k-1", BODY));
        assertEquals(201, retry.status());
        assertEquals(first.json(), retry.json(), "the original response, same visit id");
        assertEquals("true", retry.headers().get(IdempotencyStore.REPLAYED_HEADER));
        assertNull(first.headers().get(IdempotencyStore.REPLAYED_HEADER));
        assertEquals(first.headers().get("location"), retry.headers().get("location"));
        assertEquals(before + 1, visitItems());
    }

    @Test
    void aCheckInRetriedWithItsKeyIsCountedInTheMetricsOnce() {
        HttpEvents checkIn = HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).header("idempotency-key", "k-in").body("{}");
        assertEquals(200, api.call(checkIn).status());
        assertEquals(200, api.call(checkIn).status());
        long counted = log.lines().stream().filter(l -> l.has("_aws")).mapToLong(l -> l.path("CheckIns").asLong()).sum();
        assertEquals(1, counted, log.lines().toString());
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndWritesNothing() {
        assertEquals(201, api.call(plan("k-2", BODY)).status());
        var snapshot = api.table.snapshot();
        VisitsApi.Reply other = api.call(plan("k-2",
                VisitsApi.planBody("2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z", "w-amara")));
        assertEquals(422, other.status());
        assertEquals("application/problem+json", other.contentType());
        assertTrue(other.json().get("type").asText().endsWith("/idempotency-key-reused"));
        assertEquals(snapshot, api.table.snapshot());
    }

    @Test
    void keysBelongToTheirCaller() {
        VisitsApi.Reply amara = api.call(plan("shared-key", BODY));
        VisitsApi.Reply ben = api.call(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.BEN).header("idempotency-key", "shared-key").body(BODY));
        assertEquals(201, ben.status());
        assertTrue(!amara.json().get("visitId").equals(ben.json().get("visitId")), "Ben's request ran on its own");
    }

    @Test
    void aRefusedRequestIsRefusedAgainOnRetry() {
        String bad = VisitsApi.planBody("2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z", "w-amara");
        VisitsApi.Reply first = api.call(plan("k-bad", bad));
        assertEquals(400, first.status());
        VisitsApi.Reply retry = api.call(plan("k-bad", bad));
        assertEquals(400, retry.status());
        assertEquals(first.json(), retry.json());
    }

    /** As payment APIs do: a refused request keeps no record, so its key can carry the corrected request. */
    @Test
    void aRefusedRequestKeepsNoRecordAndItsKeyIsFreeForTheCorrectedOne() {
        var snapshot = api.table.snapshot();
        String bad = VisitsApi.planBody("2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z", "w-amara");
        assertEquals(400, api.call(plan("k-fix", bad)).status());
        assertEquals(snapshot, api.table.snapshot(), "no idempotency record for a refused request");
        VisitsApi.Reply corrected = api.call(plan("k-fix", BODY));
        assertEquals(201, corrected.status(), corrected.json()::toString);
        assertEquals(corrected.json(), api.call(plan("k-fix", BODY)).json(), "and that one is kept");
    }

    /** A caller whose role may never call the route claims no key: nothing at all is written. */
    @Test
    void callersWhoseRoleMayNotCallTheRouteWriteNothing() {
        var snapshot = api.table.snapshot();
        for (var who : java.util.List.of(People.MARIA, People.PRIYA, People.KEITH, People.NOBODY)) {
            VisitsApi.Reply r = api.call(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                    .as(who).header("idempotency-key", "k-role").body(BODY));
            assertTrue(r.status() == 403 || r.status() == 404, who + ": " + r.status());
            assertEquals(snapshot, api.table.snapshot(), who + " wrote something");
        }
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        var snapshot = api.table.snapshot();
        VisitsApi.Reply r = api.call(plan("x".repeat(256), BODY));
        assertEquals(400, r.status(), r.json()::toString);
        assertEquals("Idempotency-Key", r.json().at("/errors/0/field").asText());
        assertEquals(snapshot, api.table.snapshot());
    }

    @Test
    void aCheckOutCountsOnceIntoTheTeamAndContractMonthsEvenWhenRetriedOrRacing() throws Exception {
        new ContractStore(api.table.data()).create(new Contract("k-ridge", "comm-ridgeshire", "Ridgeshire",
                List.of(People.NORTH, People.SOUTH), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 3, 31), "a-priya",
                VisitsApi.NOW, 1));
        new ContractStore(api.table.data()).create(new Contract("k-ended", "comm-ridgeshire", "Ridgeshire",
                List.of(People.NORTH), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "a-priya",
                VisitsApi.NOW, 1));
        HttpEvents in = HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", VisitsApi.SAMPLE_VISIT)
                .as(People.AMARA).body("{\"at\":\"2026-11-23T09:00:00Z\"}");
        assertEquals(200, api.call(in).status());
        String out = "{\"at\":\"2026-11-23T09:50:00Z\",\"whatMattered\":\"Rosa chose the music.\"}";
        List<Integer> statuses;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> racing = List.of("retry-1", "retry-1", "other-2", "other-3").stream()
                    .map(key -> pool.submit(() -> api.call(HttpEvents.route("POST /visits/{visitId}/check-out")
                            .path("visitId", VisitsApi.SAMPLE_VISIT).as(People.AMARA)
                            .header("idempotency-key", key).body(out)).status()))
                    .toList();
            statuses = racing.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertTrue(statuses.contains(200), statuses::toString);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses::toString);

        Map<String, Long> month = new AggregateStore(api.table.data())
                .read(AggregateKey.teamMonth(People.NORTH, YearMonth.of(2026, 11)));
        assertEquals(1L, month.get(Counter.VISITS));
        assertEquals(100L, month.get(Counter.CARE_MINUTES), "50 minutes by each of two workers");
        assertEquals(1L, month.get(Counter.visitsBy(People.ROSA, "w-amara")));
        assertEquals(1L, month.get(Counter.visitsBy(People.ROSA, "w-ben")));
        assertEquals(50L, month.get(Counter.careMinutesBy(People.ROSA, "w-ben")));
        AggregateStore aggregates = new AggregateStore(api.table.data());
        assertEquals(month, aggregates.read(AggregateKey.contractMonth("k-ridge", YearMonth.of(2026, 11))),
                "the contract covering the team counts the same");
        assertEquals(Map.of(), aggregates.read(AggregateKey.contractMonth("k-ended", YearMonth.of(2026, 11))),
                "a contract that has ended counts nothing");
    }
}
