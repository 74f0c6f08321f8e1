package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.summaries.Suppression.FEW_RESPONDENTS;
import static org.whatmatters.summaries.Suppression.SECONDARY;
import static org.whatmatters.summaries.Suppression.SMALL_COUNT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.aggregates.Counter;

/**
 * Reference test: the published figures of a fixed, small data set against answers worked out by
 * hand, in one table ({@link #TABLE}).
 *
 * <p>The data set:
 * <ul>
 *   <li>One survey period, three teams. Every answer is written out below ({@link #ANSWERS}): who
 *       answered, their team, "how likely to recommend" (0–10), and ratings on the 1–6 scale for three
 *       questions (q-kind: treated with kindness; q-time: carers on time; q-say: a say in my care).
 *       t-a: 14 responses of 18 invited (r14 skipped q-say); t-b: 6 of 9; t-c: 10 of 12. Overall 30 of 39.
 *   <li>A month of visits for five clients, by worker ({@link #VISITS}).
 * </ul>
 * The counters are built here from those rows, under the names the production code writes
 * ({@code responses}, {@code promoters}, {@code recommend#<score>}, {@code rating#<q>#<v>},
 * {@code visits#<client>#<worker>}, …); nothing is typed in as a total.
 *
 * <p>Every expected value in {@link #TABLE} was computed by hand from these rows, with the working in
 * the row, using the formulas of the design brief: NPS = % promoters (9–10) − % detractors (0–6);
 * var = 100²·(p + d − (p − d)²)/n; interval NPS ± 1.96·√var, clamped to −100…100; response rate
 * = responses/invitations in %; averages on the 1–6 scale; all these to one decimal, half up;
 * Bice–Boxerman COC = (Σ nⱼ² − n)/(n(n − 1)) per client, means over clients to two decimals;
 * disclosure: a figure resting on fewer than 10 respondents is suppressed (few-respondents), a count
 * of 1–4 is suppressed (small-count), with secondary suppression.
 */
class ReferenceFiguresTest {

    private static final String PERIOD = "2026-Q1";
    private static final String KIND = "q-kind";
    private static final String TIME = "q-time";
    private static final String SAY = "q-say";

    // ---- the data set ----

    /** One survey response: recommend 0–10; ratings 1–6 (null: the question was skipped). */
    record Answer(String respondent, String team, int recommend, Integer kind, Integer time, Integer say) {

        Map<String, Integer> ratings() {
            Map<String, Integer> out = new LinkedHashMap<>();
            if (kind != null) {
                out.put(KIND, kind);
            }
            if (time != null) {
                out.put(TIME, time);
            }
            if (say != null) {
                out.put(SAY, say);
            }
            return out;
        }
    }

    private static Answer answer(String respondent, String team, int recommend, Integer kind, Integer time, Integer say) {
        return new Answer(respondent, team, recommend, kind, time, say);
    }

    static final List<Answer> ANSWERS = List.of(
            //     who    team  recommend kind time say
            answer("r01", "t-a", 10, 6, 6, 6),
            answer("r02", "t-a", 10, 6, 6, 6),
            answer("r03", "t-a", 10, 6, 5, 6),
            answer("r04", "t-a", 10, 6, 5, 5),
            answer("r05", "t-a", 10, 6, 5, 5),
            answer("r06", "t-a", 9, 6, 4, 6),
            answer("r07", "t-a", 9, 6, 6, 5),
            answer("r08", "t-a", 9, 5, 5, 5),
            answer("r09", "t-a", 9, 5, 4, 5),
            answer("r10", "t-a", 8, 5, 4, 4),
            answer("r11", "t-a", 8, 5, 4, 4),
            answer("r12", "t-a", 7, 5, 3, 4),
            answer("r13", "t-a", 6, 5, 3, 3),
            answer("r14", "t-a", 4, 4, 2, null),
            answer("r15", "t-b", 10, 6, 6, 5),
            answer("r16", "t-b", 10, 6, 5, 6),
            answer("r17", "t-b", 9, 6, 5, 5),
            answer("r18", "t-b", 8, 5, 4, 5),
            answer("r19", "t-b", 7, 5, 4, 4),
            answer("r20", "t-b", 5, 4, 3, 4),
            answer("r21", "t-c", 10, 6, 6, 6),
            answer("r22", "t-c", 10, 6, 5, 6),
            answer("r23", "t-c", 9, 6, 6, 6),
            answer("r24", "t-c", 9, 6, 5, 5),
            answer("r25", "t-c", 9, 6, 5, 5),
            answer("r26", "t-c", 8, 6, 4, 5),
            answer("r27", "t-c", 8, 6, 5, 4),
            answer("r28", "t-c", 7, 5, 4, 4),
            answer("r29", "t-c", 6, 5, 4, 3),
            answer("r30", "t-c", 3, 5, 3, 3));

    /** Invitations sent per team in the period. */
    static final Map<String, Long> INVITED = Map.of("t-a", 18L, "t-b", 9L, "t-c", 12L);

    record Visits(String client, String worker, long visits) {
    }

    static final List<Visits> VISITS = List.of(
            new Visits("c-1", "w-amara", 10),
            new Visits("c-2", "w-amara", 1),
            new Visits("c-2", "w-ben", 1),
            new Visits("c-2", "w-cy", 1),
            new Visits("c-2", "w-dan", 1),
            new Visits("c-3", "w-ben", 3),
            new Visits("c-3", "w-cy", 2),
            new Visits("c-3", "w-eve", 1),
            new Visits("c-4", "w-cy", 6),
            new Visits("c-4", "w-dan", 2),
            new Visits("c-5", "w-eve", 1));

    // ---- the answers, by hand ----

    /** One published figure, its hand-computed value (a number, null, or why it is suppressed), and the working. */
    record Expected(String figure, Object value, String working) {
    }

    static final List<Expected> TABLE = List.of(
            // survey: counts and rates
            new Expected("overall invitations", 39L, "18 + 9 + 12"),
            new Expected("overall responses", 30L, "14 + 6 + 10 rows"),
            new Expected("overall response rate", 76.9, "100·30/39 = 76.92"),
            new Expected("t-a response rate", 77.8, "100·14/18 = 77.78"),
            new Expected("t-b responses", 6L, "per-team responses 14/6/10 of 30: no count is 1–4, all shown"),
            new Expected("t-c responses", 10L, "as above"),
            new Expected("NPS benchmark", 58, "the healthcare benchmark shown beside every NPS"),
            // NPS and its interval
            new Expected("overall NPS", 40.0,
                    "p = 17/30 (r01–r09, r15–r17, r21–r25), d = 5/30 (r13, r14, r20, r29, r30): 100·(17 − 5)/30 = 40.0"),
            new Expected("overall NPS low", 12.9,
                    "var = 100²·(22/30 − 0.4²)/30 = 191.11; 1.96·√191.11 = 1.96·13.824 = 27.10; 40 − 27.10 = 12.90"),
            new Expected("overall NPS high", 67.1, "40 + 27.10 = 67.10"),
            new Expected("t-a NPS", 50.0, "p = 9/14 (r01–r09), d = 2/14 (r13, r14): 100·7/14 = 50.0"),
            new Expected("t-a NPS low", 11.7,
                    "var = 100²·(11/14 − 0.5²)/14 = 382.65; 1.96·√382.65 = 1.96·19.562 = 38.34; 50 − 38.34 = 11.66"),
            new Expected("t-a NPS high", 88.3, "50 + 38.34 = 88.34"),
            // averages on the 1–6 scale
            new Expected("overall q-kind average", 5.5, "(2·4 + 11·5 + 17·6)/30 = 165/30 = 5.50"),
            new Expected("overall q-time average", 4.5, "(1·2 + 4·3 + 9·4 + 10·5 + 6·6)/30 = 136/30 = 4.53"),
            new Expected("overall q-say average", 4.8, "r14 skipped: (3·3 + 7·4 + 11·5 + 8·6)/29 = 140/29 = 4.83"),
            new Expected("t-a q-kind average", 5.4, "(1·4 + 6·5 + 7·6)/14 = 76/14 = 5.43"),
            new Expected("t-a q-time average", 4.4, "(1·2 + 2·3 + 4·4 + 4·5 + 3·6)/14 = 62/14 = 4.43"),
            new Expected("t-a q-say average", 4.9, "13 answers, still ≥ 10: (1·3 + 3·4 + 5·5 + 4·6)/13 = 64/13 = 4.92"),
            // suppression: too few respondents
            new Expected("t-b response rate", FEW_RESPONDENTS, "6 respondents < 10 (it would be 100·6/9 = 66.7)"),
            new Expected("t-b NPS", FEW_RESPONDENTS, "6 respondents < 10 (it would be 100·(3 − 1)/6 = 33.3)"),
            new Expected("t-b q-kind average", FEW_RESPONDENTS, "6 answers < 10 (it would be 32/6 = 5.3)"),
            new Expected("t-b q-kind rated 6", FEW_RESPONDENTS, "the distribution goes with its average"),
            // suppression: the next smallest team goes with the only team under 10
            new Expected("t-c response rate", SECONDARY,
                    "t-b is the only team under 10: overall less t-a and t-c would give t-b away, so t-c (10, the"
                            + " next smallest) is hidden too"),
            new Expected("t-c NPS", SECONDARY, "as above (it would be 100·(5 − 2)/10 = 30.0)"),
            new Expected("t-c q-time average", SECONDARY, "as above (it would be 47/10 = 4.7)"),
            // suppression: small counts and secondary suppression in the rating distributions
            new Expected("overall q-kind rated 4", SMALL_COUNT, "2 (r14, r20) is 1–4"),
            new Expected("overall q-kind rated 5", SECONDARY,
                    "alone, the 2 fours = 30 − 11 − 17; the smallest shown non-zero part (11) goes too: 2 + 11 = 13 > 1 + 5"),
            new Expected("overall q-time rated 2", SMALL_COUNT, "1 (r14)"),
            new Expected("overall q-time rated 3", SMALL_COUNT,
                    "4 (r12, r13, r20, r30); with the single 2, 1 + 4 = 5 lies strictly between 1 + 1 and 4 + 4:"
                            + " neither can be pinned down"),
            new Expected("overall q-say rated 3", SMALL_COUNT, "3 (r13, r29, r30)"),
            new Expected("overall q-say rated 4", SECONDARY,
                    "alone, the 3 threes = 29 − 7 − 11 − 8; the smallest shown non-zero part (7) goes too: 3 + 7 = 10 > 1 + 5"),
            new Expected("t-a q-kind rated 4", SMALL_COUNT, "1 (r14)"),
            new Expected("t-a q-kind rated 5", SECONDARY,
                    "alone, the 1 four = 14 − 6 − 7; the smallest shown non-zero part (6) goes too: 1 + 6 = 7 > 1 + 5"),
            // continuity of care
            new Expected("c-1 COC", 1.0, "10 visits, all w-amara: (10² − 10)/(10·9) = 90/90"),
            new Expected("c-2 COC", 0.0, "4 visits by 4 workers: (4·1² − 4)/(4·3) = 0"),
            new Expected("c-3 COC", 8.0 / 30, "3/2/1: (9 + 4 + 1 − 6)/(6·5) = 8/30 = 0.27"),
            new Expected("c-4 COC", 32.0 / 56, "6/2: (36 + 4 − 8)/(8·7) = 32/56 = 0.57"),
            new Expected("c-5 COC", null, "one visit: no index"),
            new Expected("continuity clients", 5, "c-1 … c-5"),
            new Expected("continuity clients with an index", 4, "all but c-5"),
            new Expected("mean distinct workers", 2.2, "(1 + 4 + 3 + 2 + 1)/5 = 11/5 = 2.20"),
            new Expected("mean COC", 0.46, "over the 4 with an index: (1 + 0 + 0.2667 + 0.5714)/4 = 1.8381/4 = 0.4595"),
            new Expected("continuity for a commissioner", FEW_RESPONDENTS, "5 clients < 10"));

    // ---- the counters, from the rows ----

    private static void add(Map<String, Long> counters, String name, long n) {
        counters.merge(name, n, Long::sum);
    }

    /** Promoters answer 9–10, passives 7–8, detractors 0–6. */
    private static String npsGroup(int recommend) {
        return recommend >= 9 ? Counter.PROMOTERS : recommend >= 7 ? Counter.PASSIVES : Counter.DETRACTORS;
    }

    static final Map<String, Long> OVERALL = new TreeMap<>();
    static final Map<String, Map<String, Long>> BY_TEAM = new TreeMap<>();
    static final Map<String, Long> VISIT_COUNTERS = new TreeMap<>();

    static {
        for (Answer a : ANSWERS) {
            for (Map<String, Long> c : List.of(OVERALL, BY_TEAM.computeIfAbsent(a.team(), t -> new TreeMap<>()))) {
                add(c, Counter.RESPONSES, 1);
                add(c, npsGroup(a.recommend()), 1);
                add(c, Counter.recommend(a.recommend()), 1);
                a.ratings().forEach((q, v) -> {
                    add(c, Counter.ratingSum(q), v);
                    add(c, Counter.ratingCount(q), 1);
                    add(c, Counter.rating(q, v), 1);
                });
            }
        }
        INVITED.forEach((team, n) -> {
            add(BY_TEAM.get(team), Counter.INVITATIONS, n);
            add(OVERALL, Counter.INVITATIONS, n);
        });
        for (Visits v : VISITS) {
            add(VISIT_COUNTERS, Counter.visitsBy(v.client(), v.worker()), v.visits());
            add(VISIT_COUNTERS, Counter.VISITS, v.visits());
        }
    }

    // ---- the figures, from the production code ----

    private static Object published(Figure<?> f) {
        return f.shown() ? f.value() : f.suppressed();
    }

    private static FeedbackFigures team(PeriodSummary s, String id) {
        return s.teams().stream().filter(t -> t.teamId().equals(id)).findFirst().orElseThrow().figures();
    }

    private static RatingSummary rating(FeedbackFigures f, String q) {
        return f.ratings().stream().filter(r -> r.questionId().equals(q)).findFirst().orElseThrow();
    }

    private static void nps(Map<String, Object> out, String name, Figure<Nps> f) {
        if (f.shown()) {
            out.put(name, f.value().score());
            out.put(name + " low", f.value().low());
            out.put(name + " high", f.value().high());
        } else {
            out.put(name, f.suppressed());
        }
    }

    static final Map<String, Object> ACTUAL = actual();

    private static Map<String, Object> actual() {
        Map<String, Object> out = new LinkedHashMap<>();
        PeriodSummary s = PeriodSummary.compile(PERIOD, OVERALL, BY_TEAM);
        FeedbackFigures all = s.overall();
        FeedbackFigures ta = team(s, "t-a");
        FeedbackFigures tb = team(s, "t-b");
        FeedbackFigures tc = team(s, "t-c");

        out.put("overall invitations", published(all.invitations()));
        out.put("overall responses", published(all.responses()));
        out.put("overall response rate", published(all.responseRate()));
        out.put("t-a response rate", published(ta.responseRate()));
        out.put("t-b responses", published(s.responsesByTeam().cell("t-b")));
        out.put("t-c responses", published(s.responsesByTeam().cell("t-c")));
        out.put("NPS benchmark", s.npsBenchmark());

        nps(out, "overall NPS", all.nps());
        nps(out, "t-a NPS", ta.nps());

        for (String q : List.of(KIND, TIME, SAY)) {
            out.put("overall " + q + " average", published(rating(all, q).average()));
        }
        for (String q : List.of(KIND, TIME, SAY)) {
            out.put("t-a " + q + " average", published(rating(ta, q).average()));
        }

        out.put("t-b response rate", published(tb.responseRate()));
        nps(out, "t-b NPS", tb.nps());
        out.put("t-b q-kind average", published(rating(tb, KIND).average()));
        out.put("t-b q-kind rated 6", published(rating(tb, KIND).distribution().cell(6)));

        out.put("t-c response rate", published(tc.responseRate()));
        nps(out, "t-c NPS", tc.nps());
        out.put("t-c q-time average", published(rating(tc, TIME).average()));

        out.put("overall q-kind rated 4", published(rating(all, KIND).distribution().cell(4)));
        out.put("overall q-kind rated 5", published(rating(all, KIND).distribution().cell(5)));
        out.put("overall q-time rated 2", published(rating(all, TIME).distribution().cell(2)));
        out.put("overall q-time rated 3", published(rating(all, TIME).distribution().cell(3)));
        out.put("overall q-say rated 3", published(rating(all, SAY).distribution().cell(3)));
        out.put("overall q-say rated 4", published(rating(all, SAY).distribution().cell(4)));
        out.put("t-a q-kind rated 4", published(rating(ta, KIND).distribution().cell(4)));
        out.put("t-a q-kind rated 5", published(rating(ta, KIND).distribution().cell(5)));

        Map<String, ClientContinuity> perClient = Continuity.perClient(VISIT_COUNTERS);
        perClient.forEach((client, c) -> out.put(client + " COC", c.index()));
        Continuity continuity = Continuity.of(VISIT_COUNTERS);
        out.put("continuity clients", continuity.clients());
        out.put("continuity clients with an index", continuity.clientsWithIndex());
        out.put("mean distinct workers", continuity.meanWorkers());
        out.put("mean COC", continuity.meanIndex());
        out.put("continuity for a commissioner", published(Disclosure.resting(continuity, continuity.clients())));
        return out;
    }

    // ---- the test ----

    static Stream<Arguments> table() {
        return TABLE.stream().map(e -> Arguments.of(e.figure(), e.value(), e.working()));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource("table")
    void figureMatchesTheHandComputedAnswer(String figure, Object expected, String working) {
        assertTrue(ACTUAL.containsKey(figure), () -> "no such figure computed: " + figure);
        assertEquals(expected, ACTUAL.get(figure), () -> figure + " (" + working + ")");
    }

    @Test
    void theTableAndTheComputedFiguresNameTheSameFigures() {
        Set<String> names = new LinkedHashSet<>();
        List<String> twice = new ArrayList<>();
        TABLE.forEach(e -> {
            if (!names.add(e.figure())) {
                twice.add(e.figure());
            }
        });
        assertEquals(List.of(), twice, "rows given twice");
        assertEquals(ACTUAL.keySet(), names, "every computed figure has exactly one row, and every row a figure");
    }

    @Test
    void theCountersAddUpToTheRows() {
        // a guard on the data set itself: 30 rows, 30 ratings of q-kind, 29 of q-say
        assertEquals(30L, OVERALL.get(Counter.RESPONSES));
        assertEquals(30L, OVERALL.get(Counter.PROMOTERS) + OVERALL.get(Counter.PASSIVES) + OVERALL.get(Counter.DETRACTORS));
        assertEquals(30L, OVERALL.get(Counter.ratingCount(KIND)));
        assertEquals(29L, OVERALL.get(Counter.ratingCount(SAY)));
        assertEquals(39L, OVERALL.get(Counter.INVITATIONS));
        assertEquals(29L, VISIT_COUNTERS.get(Counter.VISITS));
    }
}
