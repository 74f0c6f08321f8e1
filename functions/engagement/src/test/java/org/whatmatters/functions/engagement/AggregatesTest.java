package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a known mix of 601 responses, stories, shifts and health events through the real handler,
 * many of them at once from parallel writers and some retried, then recounts every aggregate from
 * the raw records and compares counter by counter. The recount here is written independently of
 * the production counting code: it reads raw items and knows the contracts from the fixture.
 */
class AggregatesTest {

    private static final int CLIENTS_PER_TEAM = 300;
    private static final int WRITERS = 8;
    private static final ZoneId ZONE = EngagementApi.ZONE;
    private static final List<String> DOMAINS = List.of("independence", "dignity", "wellbeing",
            "relationships-community", "trust", "continuity");
    private static final List<String> CONSENTS = List.of("team", "family", "commissioner-anonymised");
    private static final List<String> HEALTH = List.of("hospital-admission", "ae-attendance", "fall", "gp-call-out");

    private final EngagementApi api = new EngagementApi();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private int resubmissions;
    private int shiftRepeats;

    @Test
    void everyCounterEqualsARecountOfTheRawRecords() throws Exception {
        List<String> north = new ArrayList<>();
        List<String> south = new ArrayList<>();
        seedClients(north, south);
        Random random = new Random(20261123);

        List<Callable<Void>> writes = new ArrayList<>();
        responses(writes, north, People.AMARA, random);
        responses(writes, south, People.CHLOE, random);
        familyResponse(writes);
        stories(writes, random);
        shifts(writes);
        healthEvents(writes, random);
        Collections.shuffle(writes, random);
        runInParallel(writes);

        // Which of two submissions for one respondent arrives first is up to the scheduler: either way
        // exactly one is stored, and the other gets 200 (identical) or 409 (different).
        assertEquals(CLIENTS_PER_TEAM * 2 + 1, tally("response 201"), statuses::toString);
        assertEquals(resubmissions, tally("response 200") + tally("response 409"), statuses::toString);
        assertTrue(tally("response 409") >= 1, statuses::toString);
        assertEquals(60, tally("story 201"), statuses::toString);
        assertEquals(40, tally("health 201"), statuses::toString);
        assertEquals(40, tally("shift 201"), statuses::toString);
        assertEquals(shiftRepeats, tally("shift 409"), statuses::toString);
        assertTrue(Set.of("response 200", "response 201", "response 409", "story 201", "health 201",
                "shift 201", "shift 409").containsAll(statuses.keySet()), () -> "no other outcome, no 5xx: " + statuses);

        List<Map<String, AttributeValue>> items = api.table.snapshot();
        Map<String, Map<String, Long>> expected = recount(items);
        Map<String, Map<String, Long>> actual = TestTable.aggregates(items);
        assertTrue(expected.keySet().containsAll(List.of("AGG#TEAM#t-north MONTH#2026-10",
                "AGG#TEAM#t-south MONTH#2026-11", "AGG#CONTRACT#ct-ridgeshire MONTH#2026-10",
                "AGG#CONTRACT#ct-leeds MONTH#2026-11", "AGG#PERIOD#sp-2026-q4 ALL",
                "AGG#PERIOD#sp-2026-q4 TEAM#t-south")), () -> expected.keySet().toString());
        assertFalse(expected.containsKey("AGG#CONTRACT#ct-leeds MONTH#2026-10"), "Leeds starts in November");
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key), actual.get(key), key);
        }
        assertEquals(CLIENTS_PER_TEAM * 2 + 1, count(items, "SurveyResponse"),
                "one response per respondent: every client and Maria");
        assertEquals(40, count(items, "Shift"), "a shift sent twice is stored once");
    }

    private void seedClients(List<String> north, List<String> south) throws Exception {
        ClientStore clients = new ClientStore(api.table.data());
        InvitationStore invitations = new InvitationStore(api.table.data());
        List<Callable<Void>> seeds = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_TEAM * 2; i++) {
            String team = i % 2 == 0 ? People.NORTH : People.SOUTH;
            String id = "c-agg-" + i;
            (team.equals(People.NORTH) ? north : south).add(id);
            seeds.add(() -> {
                clients.put(new Client(id, team, "Client " + id, 7, EngagementApi.NOW));
                invitations.invite(EngagementApi.invitation(EngagementApi.OPEN, RespondentType.CLIENT, id, id, team));
                return null;
            });
        }
        runInParallel(seeds);
    }

    /** Every client answers once; every tenth also retries identically, every fifteenth tries to change its answer. */
    private void responses(List<Callable<Void>> writes, List<String> clients, Map<String, String> worker, Random r) {
        for (int i = 0; i < clients.size(); i++) {
            String body = EngagementApi.responseBody(clients.get(i), 1 + r.nextInt(6), 1 + r.nextInt(6),
                    1 + r.nextInt(6), r.nextInt(11), i % 3 == 0 ? "Comment " + i : null);
            writes.add(call("response", EngagementApi.respond(worker, EngagementApi.OPEN, body)));
            if (i % 10 == 0) {
                writes.add(call("response", EngagementApi.respond(worker, EngagementApi.OPEN, body)));
                resubmissions++;
            }
            if (i % 15 == 7) {
                resubmissions++;
                writes.add(call("response", EngagementApi.respond(worker, EngagementApi.OPEN,
                        EngagementApi.responseBody(clients.get(i), 6, 6, 6, 10, "changed my mind"))));
            }
        }
    }

    /** Maria answers for herself, and retries at once. */
    private void familyResponse(List<Callable<Void>> writes) {
        String maria = EngagementApi.responseBody(People.ROSA, 6, 5, 6, 9, "Lovely team");
        writes.add(call("response", EngagementApi.respond(People.MARIA, EngagementApi.OPEN, maria)));
        writes.add(call("response", EngagementApi.respond(People.MARIA, EngagementApi.OPEN, maria)));
        resubmissions++;
    }

    private void stories(List<Callable<Void>> writes, Random r) {
        for (int i = 0; i < 60; i++) {
            boolean rosa = i % 2 == 0;
            var who = i % 5 == 0 ? (rosa ? People.MARIA : People.TOM) : (rosa ? People.AMARA : People.CHLOE);
            LocalDate date = LocalDate.of(2026, 10, 20).plusDays(i % 34);
            List<String> domains = new ArrayList<>(DOMAINS);
            Collections.shuffle(domains, r);
            String body = EngagementApi.storyBody(date.toString(), CONSENTS.get(r.nextInt(3)),
                    domains.subList(0, 1 + r.nextInt(3)).toArray(String[]::new));
            writes.add(call("story", EngagementApi.story(who, rosa ? People.ROSA : People.ARTHUR, body)));
        }
    }

    /** Ten days of shifts for four workers across the October/November boundary; some sent twice (409: overlap). */
    private void shifts(List<Callable<Void>> writes) {
        List<Map<String, String>> workers = List.of(People.AMARA, People.BEN, People.DEV, People.CHLOE);
        for (int day = 0; day < 10; day++) {
            for (int w = 0; w < workers.size(); w++) {
                Instant start = LocalDate.of(2026, 10, 27).plusDays(day).atTime(7 + w, 0).atZone(ZONE).toInstant();
                Instant end = start.plusSeconds(3600L * (4 + (day + w) % 5) + 60L * (day * 7 % 60));
                var who = workers.get(w);
                String team = who == People.CHLOE ? People.SOUTH : People.NORTH;
                String body = EngagementApi.shiftBody(start.toString(), end.toString());
                writes.add(call("shift", EngagementApi.shift(who, team, body)));
                if ((day + w) % 7 == 0) {
                    writes.add(call("shift", EngagementApi.shift(who, team, body)));
                    shiftRepeats++;
                }
            }
        }
    }

    private void healthEvents(List<Callable<Void>> writes, Random r) {
        for (int i = 0; i < 40; i++) {
            boolean rosa = i % 3 != 0;
            String body = EngagementApi.healthBody(HEALTH.get(r.nextInt(4)),
                    LocalDate.of(2026, 10, 15).plusDays(i).toString());
            writes.add(call("health", EngagementApi.health(rosa ? People.BEN : People.CHLOE, rosa ? People.ROSA : People.ARTHUR,
                    body)));
        }
    }

    private Callable<Void> call(String kind, HttpEvents event) {
        var built = event.build();
        return () -> {
            int status = api.call(built).status();
            statuses.computeIfAbsent(kind + " " + status, s -> new AtomicInteger()).incrementAndGet();
            return null;
        };
    }

    private int tally(String kindAndStatus) {
        AtomicInteger n = statuses.get(kindAndStatus);
        return n == null ? 0 : n.get();
    }

    private static void runInParallel(List<Callable<Void>> tasks) throws Exception {
        try (var pool = Executors.newFixedThreadPool(WRITERS, Thread.ofVirtual().factory())) {
            List<Future<Void>> done = pool.invokeAll(tasks);
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause());
                }
            }
        }
    }

    // ---- the recount, from raw items ----

    private static Map<String, Map<String, Long>> recount(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> i : items) {
            switch (i.get("kind").s()) {
                case "OutcomeStory" -> {
                    LocalDate date = LocalDate.parse(s(i, "date"));
                    for (String key : activityKeys(s(i, "teamId"), date)) {
                        add(out, key, "stories", 1);
                        for (AttributeValue d : i.get("domains").l()) {
                            add(out, key, "stories#" + d.s() + "#" + s(i, "consent"), 1);
                        }
                    }
                }
                case "HealthEvent" -> {
                    for (String key : activityKeys(s(i, "teamId"), LocalDate.parse(s(i, "date")))) {
                        add(out, key, "healthEvents", 1);
                        add(out, key, "health#" + s(i, "type"), 1);
                    }
                }
                case "Shift" -> {
                    Instant start = Instant.parse(s(i, "start"));
                    long minutes = Duration.between(start, Instant.parse(s(i, "end"))).toMinutes();
                    for (String key : activityKeys(s(i, "teamId"), LocalDate.ofInstant(start, ZONE))) {
                        add(out, key, "shifts", 1);
                        add(out, key, "shiftMinutes", minutes);
                        add(out, key, "shiftMinutes#" + s(i, "workerId"), minutes);
                    }
                }
                case "SurveyResponse" -> {
                    int recommend = Integer.parseInt(i.get("recommend").n());
                    for (String key : periodKeys(s(i, "periodId"), s(i, "teamId"))) {
                        add(out, key, "responses", 1);
                        add(out, key, recommend >= 9 ? "promoters" : recommend >= 7 ? "passives" : "detractors", 1);
                        add(out, key, "recommend#" + recommend, 1);
                        i.get("ratings").m().forEach((q, v) -> {
                            int value = Integer.parseInt(v.n());
                            add(out, key, "ratingSum#" + q, value);
                            add(out, key, "ratingCount#" + q, 1);
                            add(out, key, "rating#" + q + "#" + value, 1);
                        });
                    }
                }
                case "Invitation" -> {
                    for (String key : periodKeys(s(i, "periodId"), s(i, "teamId"))) {
                        add(out, key, "invitations", 1);
                    }
                }
                default -> { }
            }
        }
        out.values().forEach(m -> m.values().removeIf(v -> v == 0));
        return out;
    }

    /** The fixture's contracts: Ridgeshire covers both teams all year; Leeds the north team from November. */
    private static List<String> activityKeys(String teamId, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        List<String> keys = new ArrayList<>(List.of("AGG#TEAM#" + teamId + " MONTH#" + month,
                "AGG#CONTRACT#" + EngagementApi.RIDGESHIRE + " MONTH#" + month));
        if (teamId.equals(People.NORTH) && !date.isBefore(LocalDate.of(2026, 11, 1))) {
            keys.add("AGG#CONTRACT#" + EngagementApi.LEEDS + " MONTH#" + month);
        }
        return keys;
    }

    private static List<String> periodKeys(String periodId, String teamId) {
        return List.of("AGG#PERIOD#" + periodId + " ALL", "AGG#PERIOD#" + periodId + " TEAM#" + teamId);
    }

    private static void add(Map<String, Map<String, Long>> out, String key, String counter, long amount) {
        out.computeIfAbsent(key, k -> new TreeMap<>()).merge(counter, amount, Long::sum);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return item.get(name).s();
    }

    private static long count(List<Map<String, AttributeValue>> items, String kind) {
        return items.stream().filter(i -> kind.equals(i.get("kind").s())).count();
    }
}
