package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 400 visits checked in and out through the real handler by eight writers at once, some check-outs
 * retried with their Idempotency-Key and some sent twice without one; then every visit counter of
 * every team and contract month is recounted from the raw visit items and compared exactly.
 */
class VisitAggregatesTest {

    private static final int VISITS = 400;
    private final VisitsApi api = new VisitsApi();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @Test
    void everyVisitCounterEqualsARecountOfTheRawVisits() throws Exception {
        new ContractStore(api.table.data()).create(new Contract("k-north", "comm-ridgeshire", "Ridgeshire",
                List.of(People.NORTH), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 10, 31), "a-priya",
                VisitsApi.NOW, 1));
        Random random = new Random(20261123);
        VisitStore store = new VisitStore(api.table.data());
        List<Callable<Void>> writes = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            boolean north = i % 3 != 0;
            Instant start = Instant.parse("2026-10-01T08:00:00Z").plus(Duration.ofHours(3L * i));
            List<String> workers = north ? (i % 5 == 0 ? List.of("w-amara", "w-ben") : List.of(i % 2 == 0 ? "w-amara"
                    : "w-dev")) : List.of("w-chloe");
            String id = "v-agg-" + i;
            store.create(new Visit(id, north ? People.ROSA : People.ARTHUR, north ? People.NORTH : People.SOUTH,
                    ServiceType.COMPANIONSHIP, LocalDate.ofInstant(start, ZoneId.of("Europe/London")), start,
                    start.plusSeconds(3600), workers, new Location("1 Test Street", null, null), VisitStatus.PLANNED,
                    null, null, null, null, null, null, null, null, false, null, null, null, "a-priya", VisitsApi.NOW,
                    VisitsApi.NOW, 1));
            Map<String, String> who = north ? People.AMARA : People.CHLOE;
            Map<String, String> worker = north && !workers.contains("w-amara") ? People.DEV : who;
            // Some on time, some late, some early; some short of the hour planned.
            Instant in = start.plusSeconds(60L * (random.nextInt(60) - 20));
            Instant out = in.plusSeconds(60L * (20 + random.nextInt(90)));
            String key = i % 4 == 0 ? "out-" + i : null;
            int copies = i % 7 == 0 && key == null ? 2 : 1;
            writes.add(() -> {
                send("in", HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", id).as(worker)
                        .body("{\"at\":\"" + in + "\"}"));
                for (int c = 0; c < copies; c++) {
                    HttpEvents e = HttpEvents.route("POST /visits/{visitId}/check-out").path("visitId", id).as(worker)
                            .body("{\"at\":\"" + out + "\"}");
                    send("out", key == null ? e : e.header("idempotency-key", key));
                    if (key != null) {
                        send("out-retry", HttpEvents.route("POST /visits/{visitId}/check-out").path("visitId", id)
                                .as(worker).header("idempotency-key", key).body("{\"at\":\"" + out + "\"}"));
                    }
                }
                return null;
            });
        }
        Collections.shuffle(writes, random);
        try (var pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (Future<Void> f : pool.invokeAll(writes)) {
                f.get();
            }
        }
        assertEquals(VISITS, statuses.get("in 200").get(), statuses::toString);
        assertEquals(VISITS, statuses.get("out 200").get(), statuses::toString);
        assertTrue(statuses.get("out 409").get() > 0, "second check-outs without a key are refused");
        assertTrue(statuses.get("out-retry 200").get() > 0, "keyed retries replay the first answer");

        Map<String, Map<String, Long>> expected = recount();
        // Every aggregate item in the table, not only those the recount expects: one under a wrong key fails.
        Map<String, Map<String, Long>> actual = TestTable.aggregates(api.table.snapshot());
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(expected, actual);
        assertEquals(5, expected.size(), "two months of two teams, and November of the contract: " + expected.keySet());
    }

    private void send(String what, HttpEvents event) {
        statuses.computeIfAbsent(what + " " + api.call(event).status(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** From the raw visit items alone, independently of the production counting code. */
    private Map<String, Map<String, Long>> recount() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> v : api.table.snapshot()) {
            if (!"Visit".equals(v.get("kind").s()) || !"COMPLETED".equals(v.get("status").s())) {
                continue;
            }
            String team = v.get("teamId").s();
            String client = v.get("clientId").s();
            YearMonth month = YearMonth.parse(v.get("serviceDate").s().substring(0, 7));
            long minutes = Duration.between(Instant.parse(v.get("actualStart").s()),
                    Instant.parse(v.get("actualEnd").s())).toMinutes();
            long planned = Duration.between(Instant.parse(v.get("plannedStart").s()),
                    Instant.parse(v.get("plannedEnd").s())).toMinutes();
            long late = Duration.between(Instant.parse(v.get("plannedStart").s()),
                    Instant.parse(v.get("actualStart").s())).toMinutes();
            List<String> workers = v.get("workerIds").l().stream().map(AttributeValue::s).toList();
            List<String> keys = new ArrayList<>(List.of("AGG#TEAM#" + team + " MONTH#" + month));
            if (team.equals(People.NORTH) && !month.isBefore(YearMonth.of(2026, 11))) {
                keys.add("AGG#CONTRACT#k-north MONTH#" + month);
            }
            for (String k : keys) {
                Map<String, Long> c = out.computeIfAbsent(k, x -> new TreeMap<>());
                c.merge("visits", 1L, Long::sum);
                c.merge("careMinutes", minutes * workers.size(), Long::sum);
                c.merge("plannedMinutes", planned, Long::sum);
                c.merge("deliveredMinutes", minutes, Long::sum);
                if (Math.abs(late) <= 15) {
                    c.merge("onTime", 1L, Long::sum);
                } else if (late > 0) {
                    c.merge("late", 1L, Long::sum);
                    c.merge("lateMinutes", late, Long::sum);
                    c.merge("late#" + client, 1L, Long::sum);
                }
                if (minutes * 4 < planned * 3) {
                    c.merge("short", 1L, Long::sum);
                }
                for (String w : workers) {
                    c.merge("visits#" + client + "#" + w, 1L, Long::sum);
                    c.merge("careMinutes#" + client + "#" + w, minutes, Long::sum);
                }
            }
        }
        return out;
    }
}
