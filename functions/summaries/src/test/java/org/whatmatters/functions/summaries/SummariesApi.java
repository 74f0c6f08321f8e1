package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.config.Env;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.Counters;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.Transaction;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.SharingConsent;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestBucket;
import org.whatmatters.testing.TestTable;

/**
 * The real summaries handlers on a fresh DynamoDB Local table and a fresh S3Proxy bucket: the test
 * people; Ridgeshire's contract (comm-ridgeshire) for both teams with a closed, an open and an
 * upcoming survey period; Eastvale's (comm-eastvale) for the north team with one closed month-long
 * period; feedback counters for the three closed or open periods, a month of activity and one story
 * shared commissioner-anonymised. {@link #compileAsSchedulesWould()} then leaves the catalogue as the
 * schedules would have on 23 November 2026.
 */
final class SummariesApi extends ApiFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String RIDGESHIRE = "ct-ridgeshire";
    static final String EASTVALE = "ct-eastvale";
    static final String CLOSED = "sp-2026-q3";
    static final String OPEN = "sp-2026-q4";
    static final String UPCOMING = "sp-2027-q1";
    /** Eastvale's one period, October 2026, closed. */
    static final String EASTVALE_OCT = "sp-eastvale-2026-10";

    static final String CS_OPEN = "cs-" + OPEN;
    static final String CS_CLOSED = "cs-" + CLOSED;
    static final String CS_EASTVALE = "cs-" + EASTVALE_OCT;
    static final String TD_NORTH_OCT = "td-t-north-2026-10";
    static final String TD_SOUTH_OCT = "td-t-south-2026-10";

    /** Words of the shared story that name people: never in what a commissioner gets. */
    static final List<String> NAMES = List.of("Rosa", "Bennett", "Amara");

    final TestBucket bucket;
    final TestClock clock;
    final SummariesApiHandler handler;
    final CompileSummariesHandler compile;

    SummariesApi() {
        this(new TestTable(), new TestBucket(), new TestClock(NOW, ZONE), Map.of());
        seed();
    }

    private SummariesApi(TestTable table, TestBucket bucket, TestClock clock, Map<String, String> extraEnv) {
        this(table, bucket, clock, env(table, bucket, extraEnv));
    }

    private SummariesApi(TestTable table, TestBucket bucket, TestClock clock, Env env) {
        this(table, bucket, clock, env, new SummariesApiHandler(SummariesComponent.create(env, clock)));
    }

    private SummariesApi(TestTable table, TestBucket bucket, TestClock clock, Env env, SummariesApiHandler handler) {
        super(table, handler);
        this.bucket = bucket;
        this.clock = clock;
        this.handler = handler;
        this.compile = new CompileSummariesHandler(CompileComponent.create(env, clock));
    }

    private static Env env(TestTable table, TestBucket bucket, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(bucket.envMap(table));
        env.putAll(extraEnv);
        return Env.of(env);
    }

    /** New function instances with extra environment (e.g. LINK_MAX_SECONDS) on the same table, bucket and clock. */
    SummariesApi withEnv(Map<String, String> extraEnv) {
        return new SummariesApi(table, bucket, clock, extraEnv);
    }

    private void seed() {
        People.seed(table.data());
        ContractStore contracts = new ContractStore(table.data());
        contracts.create(new Contract(RIDGESHIRE, "comm-ridgeshire", "Ridgeshire County Council",
                List.of(People.NORTH, People.SOUTH), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), "a-priya",
                Instant.parse("2026-03-01T09:00:00Z"), 1));
        contracts.create(new Contract(EASTVALE, "comm-eastvale", "Eastvale Borough Council", List.of(People.NORTH),
                LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30), "a-priya", Instant.parse("2026-09-01T09:00:00Z"),
                1));
        SurveyPeriodStore periods = new SurveyPeriodStore(table.data());
        for (String[] p : List.of(new String[] {RIDGESHIRE, CLOSED, "2026-Q3", "2026-07-01", "2026-09-30"},
                new String[] {RIDGESHIRE, OPEN, "2026-Q4", "2026-10-01", "2026-12-31"},
                new String[] {RIDGESHIRE, UPCOMING, "2027-Q1", "2027-01-01", "2027-03-31"},
                new String[] {EASTVALE, EASTVALE_OCT, "October 2026", "2026-10-01", "2026-10-31"})) {
            periods.create(new SurveyPeriod(p[1], p[0], p[2], LocalDate.parse(p[3]), LocalDate.parse(p[4]),
                    SurveyPeriod.DEFAULT_QUESTIONS, "a-priya", Instant.parse("2026-06-01T09:00:00Z")),
                    contracts.find(p[0]).orElseThrow());
        }
        feedback(CLOSED, People.NORTH, 9, 3, 1);
        feedback(CLOSED, People.SOUTH, 6, 3, 2);
        feedback(OPEN, People.NORTH, 8, 2, 1);
        feedback(OPEN, People.SOUTH, 5, 4, 2);
        feedback(EASTVALE_OCT, People.NORTH, 7, 3, 1);

        ActivityCounters activity = new ActivityCounters(contracts);
        for (String team : List.of(People.NORTH, People.SOUTH)) {
            String client = team.equals(People.NORTH) ? People.ROSA : People.ARTHUR;
            String worker = team.equals(People.NORTH) ? "w-amara" : "w-chloe";
            Transaction t = Transaction.on(table.data());
            activity.count(team, LocalDate.of(2026, 10, 15), b -> b.add(Counter.VISITS, 40)
                    .add(Counter.CARE_MINUTES, 2_400).add(Counter.visitsBy(client, worker), 30)
                    .add(Counter.visitsBy(client, "w-ben"), 10).add(Counter.careMinutesBy(client, worker), 1_800)
                    .add(Counter.careMinutesBy(client, "w-ben"), 600).add(Counter.SHIFTS, 12)
                    .add(Counter.SHIFT_MINUTES, 3_000).add(Counter.HEALTH_EVENTS, 1)
                    .add(Counter.healthEvents("gp-call-out"), 1)).forEach(t::add);
            t.commit();
        }
        OutcomeStory story = new OutcomeStory("s-scones", People.ROSA, People.NORTH, "Rosa bakes again",
                "Rosa Bennett baked scones with Amara for the first time in a year.", LocalDate.of(2026, 10, 14),
                List.of(OutcomeDomain.INDEPENDENCE, OutcomeDomain.WELLBEING), List.of("Bakes for her visitors"),
                SharingConsent.COMMISSIONER_ANONYMISED, "w-amara", OutcomeStory.AuthorRole.WORKER, "Amara",
                Instant.parse("2026-10-14T16:00:00Z"));
        new StoryStore(table.data()).create(story, activity.count(People.NORTH, story.date(), b -> b
                .add(Counter.STORIES, 1).add(Counter.stories("independence", "commissioner-anonymised"), 1)
                .add(Counter.stories("wellbeing", "commissioner-anonymised"), 1)));
    }

    /** A period's answers for one team, counted overall and for the team as FeedbackCounters would. */
    private void feedback(String periodId, String team, int promoters, int passives, int detractors) {
        int responses = promoters + passives + detractors;
        Counters.Builder b = Counters.on(AggregateKey.period(periodId)).add(Counter.INVITATIONS, responses + 4L)
                .add(Counter.RESPONSES, responses).add(Counter.PROMOTERS, promoters).add(Counter.PASSIVES, passives)
                .add(Counter.DETRACTORS, detractors).add(Counter.recommend(10), promoters)
                .add(Counter.recommend(8), passives).add(Counter.recommend(3), detractors);
        for (var q : SurveyPeriod.DEFAULT_QUESTIONS) {
            b.add(Counter.rating(q.questionId(), 5), promoters + passives).add(Counter.rating(q.questionId(), 2),
                    detractors).add(Counter.ratingSum(q.questionId()), 5L * (promoters + passives) + 2L * detractors)
                    .add(Counter.ratingCount(q.questionId()), responses);
        }
        Counters all = b.build();
        Transaction.on(table.data()).add(all).add(all.at(AggregateKey.periodTeam(periodId, team))).commit();
    }

    /**
     * The monthly run of 1 November (October's dashboards, and the periods overlapping October as they
     * stood on its last day) and the period-end run of 23 November (the closed Q3).
     */
    SummariesApi compileAsSchedulesWould() {
        schedule("monthly", "2026-11-01T02:00:00Z");
        schedule("period-end", "2026-11-23T01:30:00Z");
        return this;
    }

    /** Runs the scheduled function as EventBridge Scheduler would; answers the ids it compiled. */
    @SuppressWarnings("unchecked")
    List<String> schedule(String run, String scheduledTime) {
        Map<String, Object> out = compile.handleRequest(Map.of("run", run, "scheduledTime", scheduledTime), null);
        return new ArrayList<>((List<String>) out.get("compiled"));
    }

    /** As every refusal, and it carries no signed link. */
    @Override
    public Reply expectRejected(HttpEvents event, int status, String field) {
        Reply r = super.expectRejected(event, status, field);
        assertFalse(r.body().contains("X-Amz-Signature"), "a refusal never carries a link");
        return r;
    }

    /** The ids of a listing's items, in order. */
    static List<String> ids(Reply r) {
        List<String> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.has("summaryId") && !i.has("linkId")
                ? i.get("summaryId").asText() : i.get("linkId").asText()));
        return ids;
    }

    static HttpEvents list(Map<String, String> who) {
        return HttpEvents.route("GET /summaries").as(who);
    }

    static HttpEvents link(Map<String, String> who, String summaryId, String body) {
        HttpEvents e = HttpEvents.route("POST /summaries/{summaryId}/links").path("summaryId", summaryId).as(who);
        return body == null ? e : e.body(body);
    }

    static HttpEvents document(Map<String, String> who, String summaryId) {
        return HttpEvents.route("GET /summaries/{summaryId}").path("summaryId", summaryId).as(who);
    }

    static HttpEvents links(Map<String, String> who) {
        return HttpEvents.route("GET /summary-links").as(who);
    }

    static HttpEvents compilePeriod(Map<String, String> who, String periodId) {
        return HttpEvents.route("POST /survey-periods/{periodId}/summary").path("periodId", periodId).as(who);
    }

    static HttpEvents evvExport(Map<String, String> who, String contractId, String body) {
        HttpEvents e = HttpEvents.route("POST /contracts/{contractId}/evv-exports").path("contractId", contractId).as(who);
        return body == null ? e : e.body(body);
    }

    static HttpEvents dashboard(Map<String, String> who, String teamId) {
        return HttpEvents.route("GET /teams/{teamId}/dashboard").path("teamId", teamId).as(who);
    }

    /** A clock the tests move on, so links issued one after another have different times. */
    static final class TestClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        TestClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new TestClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
