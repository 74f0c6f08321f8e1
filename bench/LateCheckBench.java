// In org.whatmatters.data to reach the visit schema, which production code keeps package-private.
package org.whatmatters.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.Template;
import org.whatmatters.visits.LateCheck;
import org.whatmatters.visits.VisitRules;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The late/missed check (LateCheck.run()) over a day of 1,000 visits vs a day of 100,000, on DynamoDB Local
 * (in-JVM, in memory), two tables in one run, interleaved (ABAB, the first alternating) so machine load falls
 * on both alike. The goal: 100k costs about what 1k costs (median ratio ≤ 1.5), since the check reads only the
 * overdue part of the sparse watch index (GSI2), never the day.
 *
 * Each table holds one UTC day (2026-12-03): N visits an hour long, starting evenly from 00:00 to 23:59. The
 * check runs at 14:00 (fixed clock, VisitRules.DEFAULTS: late after 15 min, missed grace 30 min). Visits that
 * started by 13:45 were checked in (completed if they ended by 14:00, else under way), so they are out of the
 * index; later ones are planned (in the index, not yet due). Both tables also hold the same 10 overdue visits:
 * 5 never checked in, due 13:30–13:42 (the check marks them late), 5 flagged late earlier, ended 12:30–12:50
 * (the check marks them missed, with the counters). Before every run (outside the timing) those 10 are put back
 * as they were, so each run does the same work; every run's result is checked (5 late, 5 missed).
 * The check's own DynamoDB calls go through a client that counts them (watch-index queries, the items they
 * returned and scanned, reads, transactions, the contract look-ups of a miss's counters).
 *   bash bench/late-check.sh [warm-up] [measured]     (default 50 200 per table)
 */
public final class LateCheckBench {

    private static final LocalDate DAY = LocalDate.parse("2026-12-03");
    private static final Instant MIDNIGHT = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant NOW = MIDNIGHT.plus(Duration.ofHours(14));
    private static final Instant CREATED = MIDNIGHT.minus(Duration.ofDays(7));
    private static final int OVERDUE = 5;

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] sizes = {1_000, 100_000};
        Calls calls = new Calls();
        try (LocalDynamo dynamo = LocalDynamo.start();
             DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(LocalDynamo.REGION)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .overrideConfiguration(o -> o.addExecutionInterceptor(calls)).build()) {
            DynamoDbEnhancedClient plainEnhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build();
            DynamoDbEnhancedClient countedEnhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(counted).build();
            System.out.printf("java=%s cores=%d, day %s, check at %s, rules: late after %d min, missed grace %d min%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), DAY, NOW,
                    VisitRules.DEFAULTS.lateAfter().toMinutes(), VisitRules.DEFAULTS.missedGrace().toMinutes());
            List<Bench> benches = new ArrayList<>();
            for (int n : sizes) {
                String name = "bench-late-" + n + "-" + System.nanoTime();
                dynamo.createTable(Template.load(Path.of("template.yaml")).table("DataTable"), name);
                DataTable plain = new DataTable(plainEnhanced, dynamo.client(), name);
                DataTable checked = new DataTable(countedEnhanced, counted, name);
                List<Visit> overdue = overdue();
                long t0 = System.nanoTime();
                load(plain, day(n));
                double loaded = (System.nanoTime() - t0) / 1e9;
                write(plain, overdue.stream().map(v -> VisitStore.SCHEMA.itemToMap(v, true)).toList());
                LateCheck check = new LateCheck(new VisitStore(checked), new ActivityCounters(new ContractStore(checked)),
                        VisitRules.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
                System.out.printf("table %,7d visits (+%d overdue) loaded in %.1f s; watch index today: %,d due to start,"
                                + " %,d due to end%n", n, overdue.size(), loaded, indexed(dynamo.client(), name, Keys.dueToStart(DAY)),
                        indexed(dynamo.client(), name, Keys.dueToEnd(DAY)));
                benches.add(new Bench(n, plain, check, overdue, new long[measured]));
            }
            for (int i = 0; i < warmUp; i++) {
                for (Bench b : benches) {
                    b.once(calls);
                }
            }
            long[][] perRun = new long[benches.size()][6];
            for (int i = 0; i < measured; i++) {
                for (int k = 0; k < benches.size(); k++) {
                    // ABAB, the first alternating each round so neither table always runs first.
                    int w = (k + i) % benches.size();
                    Bench b = benches.get(w);
                    calls.reset();
                    b.nanos[i] = b.once(calls);
                    long[] c = calls.snapshot();
                    for (int j = 0; j < c.length; j++) {
                        perRun[w][j] += c[j];
                    }
                }
            }
            System.out.printf("warm-up=%d measured=%d runs per table (interleaved); each run: 5 marked late + 5 marked missed%n",
                    warmUp, measured);
            double[] p50 = new double[benches.size()];
            double[] p90 = new double[benches.size()];
            double[] mean = new double[benches.size()];
            for (int w = 0; w < benches.size(); w++) {
                Bench b = benches.get(w);
                long[] s = b.nanos.clone();
                Arrays.sort(s);
                p50[w] = ms(s[measured / 2]);
                p90[w] = ms(s[(int) Math.ceil(measured * 0.90) - 1]);
                mean[w] = ms(Arrays.stream(s).sum() / measured);
                long[] c = perRun[w];
                System.out.printf("%,7d visits: median %6.2f ms  p90 %6.2f ms  mean %6.2f ms  min %6.2f ms  max %6.2f ms"
                                + " | per run: %.0f watch-index queries returning %.1f items (%.1f scanned), %.1f GetItem, %.1f transactions,"
                                + " %.1f other queries (the team's contracts)%n",
                        b.size, p50[w], p90[w], mean[w], ms(s[0]), ms(s[measured - 1]), (double) c[0] / measured,
                        (double) c[1] / measured, (double) c[2] / measured, (double) c[3] / measured, (double) c[4] / measured,
                        (double) c[5] / measured);
            }
            int last = benches.size() - 1;
            double ratio = p50[last] / p50[0];
            System.out.printf("100k / 1k: median %.2fx  p90 %.2fx  mean %.2fx  (goal: median ratio <= 1.5: %s)%n", ratio,
                    p90[last] / p90[0], mean[last] / mean[0], ratio <= 1.5 ? "met" : "NOT met");
        }
        System.exit(0);
    }

    /** One table's day and its check. */
    private record Bench(int size, DataTable data, LateCheck check, List<Visit> overdue, long[] nanos) {

        /** Puts the overdue visits back as they were (untimed), then times one run of the check. */
        long once(Calls calls) {
            write(data, overdue.stream().map(v -> VisitStore.SCHEMA.itemToMap(v, true)).toList());
            calls.reset();
            long t0 = System.nanoTime();
            LateCheck.Result r = check.run();
            long t = System.nanoTime() - t0;
            if (r.late() != OVERDUE || r.missed() != OVERDUE) {
                throw new IllegalStateException(size + " visits: expected " + OVERDUE + " late and " + OVERDUE
                        + " missed, got " + r);
            }
            return t;
        }
    }

    /** N visits of an hour, starting evenly over the day; those started by now − lateAfter are checked in. */
    private static List<Visit> day(int n) {
        Instant checkedInBy = NOW.minus(VisitRules.DEFAULTS.lateAfter());
        List<Visit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant start = MIDNIGHT.plusSeconds(86_400L * i / n);
            Visit v = visit("v-" + i, i, start);
            if (!start.isAfter(checkedInBy)) {
                String worker = v.workerIds().getFirst();
                Instant in = start.plus(Duration.ofMinutes(i % 10));
                v = v.checkedIn(in, worker, null, in);
                Instant out2 = v.plannedEnd().plus(Duration.ofMinutes(i % 7));
                if (!out2.isAfter(NOW)) {
                    v = v.checkedOut(out2, worker, null, null, out2);
                }
            }
            out.add(v);
        }
        return out;
    }

    /** The same 10 in every table: 5 never checked in and now late, 5 flagged late earlier and now missed. */
    private static List<Visit> overdue() {
        List<Visit> out = new ArrayList<>();
        for (int i = 0; i < OVERDUE; i++) {
            out.add(visit("v-due-late-" + i, i, MIDNIGHT.plus(Duration.ofMinutes(13 * 60 + 30 + 3 * i))));
        }
        for (int i = 0; i < OVERDUE; i++) {
            Visit v = visit("v-due-missed-" + i, i, MIDNIGHT.plus(Duration.ofMinutes(11 * 60 + 30 + 5 * i)));
            out.add(v.flaggedLate(v.plannedStart().plus(VisitRules.DEFAULTS.lateAfter())));
        }
        return out;
    }

    private static Visit visit(String id, int i, Instant start) {
        String team = "t-bench-" + i % 20;
        return Visit.planned(id, "c-bench-" + i % 5_000, team, ServiceType.PERSONAL_CARE, DAY, start,
                start.plus(Duration.ofHours(1)), List.of("w-bench-" + i % 2_000), new Location(i % 5_000 + " Bench Road",
                        null, null), "s-bench-" + i % 5_000, "a-bench", CREATED);
    }

    /** BatchWriteItem, 25 items a call, 4 threads. */
    private static void load(DataTable data, List<Visit> visits) throws Exception {
        List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
        for (int i = 0; i < visits.size(); i += 25) {
            batches.add(visits.subList(i, Math.min(i + 25, visits.size())).stream()
                    .map(v -> VisitStore.SCHEMA.itemToMap(v, true)).toList());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Map<String, AttributeValue>> b : batches) {
                done.add(pool.submit(() -> write(data, b)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private static void write(DataTable data, List<Map<String, AttributeValue>> items) {
        Map<String, List<WriteRequest>> pending = Map.of(data.name(), items.stream()
                .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList());
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> asked = pending;
            Map<String, List<WriteRequest>> left = data.client().batchWriteItem(b -> b.requestItems(asked))
                    .unprocessedItems();
            pending = left == null || left.isEmpty() ? Map.of() : left;
        }
    }

    /** How many items sit in one partition of the watch index (the whole partition, not what the check reads). */
    private static long indexed(DynamoDbClient client, String table, String partition) {
        return client.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI2).select(Select.COUNT)
                        .keyConditionExpression("GSI2PK = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))))
                .stream().mapToLong(QueryResponse::count).sum();
    }

    /** Counts the check's calls: queries, items they returned and scanned, GetItems, transactions. */
    private static final class Calls implements ExecutionInterceptor {
        private final AtomicLong queries = new AtomicLong();
        private final AtomicLong returned = new AtomicLong();
        private final AtomicLong scanned = new AtomicLong();
        private final AtomicLong gets = new AtomicLong();
        private final AtomicLong transactions = new AtomicLong();
        private final AtomicLong others = new AtomicLong();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            switch (context.response()) {
                case QueryResponse q when context.request() instanceof QueryRequest r && Keys.GSI2.equals(r.indexName()) -> {
                    queries.incrementAndGet();
                    returned.addAndGet(q.count());
                    scanned.addAndGet(q.scannedCount());
                }
                case QueryResponse q -> others.incrementAndGet();
                case GetItemResponse g -> gets.incrementAndGet();
                case TransactWriteItemsResponse t -> transactions.incrementAndGet();
                default -> { }
            }
        }

        void reset() {
            for (AtomicLong a : List.of(queries, returned, scanned, gets, transactions, others)) {
                a.set(0);
            }
        }

        long[] snapshot() {
            return new long[] {queries.get(), returned.get(), scanned.get(), gets.get(), transactions.get(), others.get()};
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
