// In org.whatmatters.data to reach the response and visit schemas, which production code keeps package-private.
package org.whatmatters.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.feedback.FeedbackCounters;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.LocalS3;
import org.whatmatters.local.engines.Template;
import org.whatmatters.summaries.publish.SummaryBucket;
import org.whatmatters.summaries.publish.SummaryCompiler;
import org.whatmatters.visits.VisitCounters;
import org.whatmatters.visits.VisitRules;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Summary compile time as stored responses and visits grow, in one run: 10k, 100k, 1M (half
 * responses, half completed visits, over 2 teams, 10 clients, 8 quarterly periods and 24 months).
 * Raw items are bulk-loaded with BatchWriteItem; the running aggregates they would have produced
 * (FeedbackCounters / VisitCounters, the production code) are added after each level, as the API's
 * transactions would have added them one by one. At each level the same compile runs repeatedly:
 * a commissioner summary of the last closed period (with its trend) and a team's dashboard for its
 * last month, each writing three files to S3Proxy and a catalogue entry.
 *   bash bench/summaries-compile.sh [levels] [rounds]      (default 10000,100000,1000000 and 15)
 */
public final class SummaryCompileBench {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final List<String> TEAMS = List.of("t-north", "t-south");
    private static final int CLIENTS = 10;
    private static final int PERIODS = 8;
    private static final int MONTHS = 24;
    private static final List<String> QUESTIONS = List.of("positive-impact", "reliability", "creativity");

    public static void main(String[] args) throws Exception {
        long[] levels = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToLong(Long::parseLong).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        try (LocalDynamo dynamo = LocalDynamo.start(); LocalS3 s3 = LocalS3.start()) {
            String name = "bench-" + System.nanoTime();
            dynamo.createTable(Template.load(Path.of("template.yaml")).table("DataTable"), name);
            s3.createBucket("bench-summaries");
            DataTable data = new DataTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build(),
                    dynamo.client(), name);
            Contract contract = seed(data);
            List<SurveyPeriod> periods = new SurveyPeriodStore(data).ofContract(contract.contractId());
            SurveyPeriod lastClosed = periods.get(PERIODS - 1);
            YearMonth lastMonth = YearMonth.from(START).plusMonths(MONTHS - 1);
            Team north = new TeamStore(data).find("t-north").orElseThrow();
            Clock clock = Clock.fixed(Instant.parse("2027-01-15T09:00:00Z"), ZONE);
            SummaryCompiler compiler = new SummaryCompiler(new AggregateStore(data), new ContractStore(data),
                    new SurveyPeriodStore(data), new TeamStore(data), new ClientStore(data), new FamilyLinkStore(data),
                    new PlannedHoursStore(data), new StoryStore(data), new SummaryStore(data),
                    new SummaryBucket(s3.client(), s3.presigner(), "bench-summaries"),
                    new org.whatmatters.summaries.publish.VisitMonths(new org.whatmatters.data.VisitStore(data),
                            new TeamStore(data), org.whatmatters.visits.VisitRules.DEFAULTS, clock), clock);

            System.out.printf("java=%s cores=%d rounds=%d per level (after 40 warm-up rounds at the first level, 10 at the others)%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), rounds);
            long stored = 0;
            Random random = new Random(7);
            double[] base = null;
            for (long level : levels) {
                long t0 = System.nanoTime();
                load(data, contract, periods, random, stored, level);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                stored = level;
                // The first level also warms the JIT up, so it gets more warm-up rounds.
                for (int i = 0; i < (base == null ? 40 : 10); i++) {
                    compile(compiler, lastClosed, north, lastMonth);
                }
                long[][] nanos = new long[2][rounds];
                for (int i = 0; i < rounds; i++) {
                    long[] t = compile(compiler, lastClosed, north, lastMonth);
                    nanos[0][i] = t[0];
                    nanos[1][i] = t[1];
                }
                double[] p50 = {p(nanos[0], 0.5), p(nanos[1], 0.5)};
                if (base == null) {
                    base = p50;
                }
                System.out.printf("stored %,9d (loaded in %5.0f s): commissioner summary p50 %6.1f ms p95 %6.1f ms (%.2fx)"
                                + " | team dashboard p50 %6.1f ms p95 %6.1f ms (%.2fx)%n", level, loadSeconds,
                        p50[0], p(nanos[0], 0.95), p50[0] / base[0], p50[1], p(nanos[1], 0.95), p50[1] / base[1]);
            }
        }
        System.exit(0);
    }

    private static long[] compile(SummaryCompiler compiler, SurveyPeriod period, Team team, YearMonth month) {
        long t0 = System.nanoTime();
        compiler.commissionerSummary(period, period.closesOn(), "bench");
        long t1 = System.nanoTime();
        compiler.teamDashboard(team, month, month.atEndOfMonth(), "bench");
        return new long[] {t1 - t0, System.nanoTime() - t1};
    }

    private static double p(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(s.length * q) - 1] / 1e6;
    }

    private static Contract seed(DataTable data) {
        TeamStore teams = new TeamStore(data);
        PlannedHoursStore plans = new PlannedHoursStore(data);
        Instant since = Instant.parse("2024-12-01T09:00:00Z");
        for (String t : TEAMS) {
            teams.put(new Team(t, t.equals("t-north") ? "North" : "South", since));
            for (int w = 0; w < 5; w++) {
                teams.putMember(new TeamMember(t, worker(t, w), "Worker " + w, since));
            }
        }
        for (int c = 0; c < CLIENTS; c++) {
            String team = TEAMS.get(c % 2);
            Client client = new Client(client(c), team, "Client " + c, 10 + c, since);
            plans.createClient(client, new PlannedHoursChange(client(c), team, 1, 10 + c, null, START, "Initial plan",
                    "a-bench", since));
        }
        Contract contract = new Contract("ct-bench", "comm-bench", "Bench County Council", TEAMS, START,
                START.plusYears(3).minusDays(1), "a-bench", since, 1);
        ContractStore contracts = new ContractStore(data);
        contracts.create(contract);
        SurveyPeriodStore periods = new SurveyPeriodStore(data);
        for (int q = 0; q < PERIODS; q++) {
            LocalDate opens = START.plusMonths(3L * q);
            periods.create(new SurveyPeriod("sp-bench-" + q, contract.contractId(), "Q" + (q + 1), opens,
                    opens.plusMonths(3).minusDays(1), SurveyPeriod.DEFAULT_QUESTIONS, "a-bench", since),
                    contracts.find(contract.contractId()).orElseThrow());
        }
        return contract;
    }

    /** Stores items from..to (half responses, half visits) and then adds what they count to the aggregates. */
    private static void load(DataTable data, Contract contract, List<SurveyPeriod> periods, Random random, long from,
                             long to) throws Exception {
        Map<AggregateKey, Counters.Builder> counters = new HashMap<>();
        List<Map<String, AttributeValue>> batch = new ArrayList<>();
        List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
        for (long n = from; n < to; n++) {
            Map<String, AttributeValue> item;
            if (n % 2 == 0) {
                SurveyResponse r = response(periods.get((int) (n / 2 % PERIODS)), n, random);
                FeedbackCounters.of(r).forEach(c -> c.deltas().forEach((k, v) ->
                        counters.computeIfAbsent(c.key(), Counters::on).add(k, v)));
                item = SurveyResponseStore.SCHEMA.itemToMap(r, true);
            } else {
                Visit v = visit(n, random);
                YearMonth m = YearMonth.from(v.serviceDate());
                VisitCounters.completed(v, VisitRules.DEFAULTS, counters.computeIfAbsent(AggregateKey.teamMonth(v.teamId(), m), Counters::on));
                VisitCounters.completed(v, VisitRules.DEFAULTS, counters.computeIfAbsent(AggregateKey.contractMonth(contract.contractId(), m),
                        Counters::on));
                item = VisitStore.SCHEMA.itemToMap(v, true);
            }
            batch.add(item);
            if (batch.size() == 25) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
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
        counters.values().forEach(b -> Transaction.on(data).add(b.build()).commit());
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

    private static SurveyResponse response(SurveyPeriod p, long n, Random random) {
        int c = (int) (n / 2 % CLIENTS);
        Map<String, Integer> ratings = new HashMap<>();
        for (String q : QUESTIONS) {
            ratings.put(q, 3 + random.nextInt(4));
        }
        int recommend = random.nextInt(10) < 7 ? 9 + random.nextInt(2) : random.nextInt(9);
        return new SurveyResponse(p.periodId(), RespondentType.FAMILY, "f-bench-" + n, client(c), TEAMS.get(c % 2), ratings,
                recommend, null, "f-bench-" + n, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Visit visit(long n, Random random) {
        int c = (int) (n / 2 % CLIENTS);
        String team = TEAMS.get(c % 2);
        LocalDate day = START.plusDays(random.nextInt(MONTHS * 30));
        Instant start = day.atTime(9, 0).atZone(ZONE).toInstant();
        Instant end = start.plus(Duration.ofMinutes(30 + random.nextInt(60)));
        return new Visit("v-bench-" + n, client(c), team, ServiceType.PERSONAL_CARE, day, start, end,
                List.of(worker(team, random.nextInt(5))), new Location("1 Bench Road", null, null), VisitStatus.COMPLETED,
                start, end, "w", "w", null, null, null, null, false, null, null, null, "a-bench", start, end, 3);
    }

    private static String client(int c) {
        return "c-bench-" + c;
    }

    private static String worker(String team, int w) {
        return "w-" + team + "-" + w;
    }
}
