package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.summaries.Suppression.SECONDARY;
import static org.whatmatters.summaries.Suppression.SMALL_COUNT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;

/** Per-team rating distributions and the overall one, protected together as a two-way table. */
class TwoWayTableProtectionTest {

    private static final String Q = SampleCounters.Q;
    private static final int M = RatingSummary.SCALE;
    private static final int RUNS = Integer.getInteger("twoway.runs", 200);
    private static final long BUDGET = 2_000_000;
    private static int gaveUp;

    /** Counters of a team whose every respondent answered Q, all passives (NPS does not matter here). */
    private static Map<String, Long> counters(long... ratingsOneToSix) {
        long count = Arrays.stream(ratingsOneToSix).sum();
        return SampleCounters.feedback(count + 5, 0, count, 0, ratingsOneToSix);
    }

    private static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static CountTable<Integer> distribution(FeedbackFigures f) {
        return f.ratings().getFirst().distribution();
    }

    private static CountTable<Integer> team(PeriodSummary s, String id) {
        return distribution(s.teams().stream().filter(t -> t.teamId().equals(id)).findFirst().orElseThrow().figures());
    }

    /**
     * The gap this closes: overall "4s" = 8 and South's 5 shown would give North's hidden 3 away
     * (8 − 5 = 3), though each table is safe on its own.
     */
    @Test
    void aHiddenTeamCellCannotBeWorkedOutFromTheOverallLessTheOtherTeams() {
        long[] north = {0, 0, 0, 3, 5, 6};
        long[] south = {0, 0, 0, 5, 6, 7};
        // on its own, each table is safe and South's 4s would be shown
        assertEquals(Figure.of(5L), Disclosure.table(map(south), 18).cell(4));
        assertEquals(Figure.suppressed(SMALL_COUNT), Disclosure.table(map(north), 14).cell(4));
        assertEquals(Figure.of(8L), Disclosure.table(map(new long[] {0, 0, 0, 8, 11, 13}), 32).cell(4));

        PeriodSummary s = PeriodSummary.compile("p", plus(counters(north), counters(south)),
                Map.of("t-north", counters(north), "t-south", counters(south)));
        CountTable<Integer> n = team(s, "t-north");
        CountTable<Integer> so = team(s, "t-south");
        CountTable<Integer> all = distribution(s.overall());
        assertEquals(Figure.suppressed(SMALL_COUNT), n.cell(4));
        assertEquals(Figure.suppressed(SECONDARY), so.cell(4), "else 8 − 5 gives North's 3 away");
        assertFalse(all.cell(4).shown() && so.cell(4).shown(), "overall 4s less South's 4s is North's 4s");
        assertTrue(all.total().shown(), "the totals stay: they are published as response counts anyway");
        assertTrue(n.total().shown());
        assertTrue(so.total().shown());
        assertNothingPinned(new long[][] {north, south}, all, List.of(n, so));
    }

    @Test
    void tablesThatNeedNothingAreLeftAsTheyAre() {
        long[] north = {0, 5, 6, 7, 8, 9};
        long[] south = {0, 0, 6, 7, 10, 12};
        PeriodSummary s = PeriodSummary.compile("p", plus(counters(north), counters(south)),
                Map.of("t-north", counters(north), "t-south", counters(south)));
        assertTrue(distribution(s.overall()).cells().stream().allMatch(c -> c.count().shown()));
        assertTrue(team(s, "t-north").cells().stream().allMatch(c -> c.count().shown()));
        assertTrue(team(s, "t-south").cells().stream().allMatch(c -> c.count().shown()));
    }

    @Test
    void aTeamWithTooFewAnswersCannotBeWorkedOutFromTheOthers() {
        // East: 12 responses, but only 8 answered the question; North and South answered in full
        long[] north = {0, 0, 5, 6, 7, 8};
        long[] south = {0, 0, 6, 6, 7, 9};
        long[] east = {0, 0, 0, 2, 3, 3};
        Map<String, Long> e = counters(east);
        e.put(Counter.RESPONSES, 12L);
        e.put(Counter.PASSIVES, 12L);
        PeriodSummary s = PeriodSummary.compile("p", plus(plus(counters(north), counters(south)), e),
                Map.of("t-north", counters(north), "t-south", counters(south), "t-east", e));
        CountTable<Integer> all = distribution(s.overall());
        CountTable<Integer> n = team(s, "t-north");
        CountTable<Integer> so = team(s, "t-south");
        assertTrue(team(s, "t-east").cells().stream().noneMatch(c -> c.count().shown()));
        for (int v = 4; v <= 6; v++) {
            int hidden = (all.cell(v).shown() ? 0 : 1) + (n.cell(v).shown() ? 0 : 1) + (so.cell(v).shown() ? 0 : 1);
            assertTrue(hidden >= 1, "overall less North and South would give East's " + v + "s away");
        }
    }

    /**
     * The reader's view, as in {@link DisclosureTest}: shown figures exactly, small-count cells 1–4,
     * secondary cells 5 or more, the row totals (each team's answers) and column totals (the overall
     * cells) where shown. Every completion of the table consistent with all of that is enumerated,
     * and no suppressed cell, team or overall, may have only one possible value.
     */
    @Test
    void noSuppressedCellCanBeWorkedOutAcrossTeams() {
        Random random = new Random(6);
        int hiddenTotals = 0;
        gaveUp = 0;
        for (int run = 0; run < RUNS; run++) {
            int teams = 2 + random.nextInt(3);
            long[][] values = new long[teams][M];
            for (int r = 0; r < teams; r++) {
                do {
                    for (int c = 0; c < M; c++) {
                        int kind = random.nextInt(10);
                        values[r][c] = kind < 3 ? 0 : kind < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(3);
                    }
                } while (Arrays.stream(values[r]).sum() < Disclosure.MIN_RESPONDENTS);
            }
            long[] overall = new long[M];
            List<CountTable<Integer>> rows = new ArrayList<>();
            for (long[] row : values) {
                for (int c = 0; c < M; c++) {
                    overall[c] += row[c];
                }
                rows.add(Disclosure.respondentTable(map(row), Arrays.stream(row).sum()));
            }
            CountTable<Integer> all = Disclosure.respondentTable(map(overall), Arrays.stream(overall).sum());
            List<long[]> rowValues = Arrays.asList(values);
            TwoWayTableProtection.Result<Integer> done = TwoWayTableProtection.protect(overall, all, rowValues, rows,
                    rowValues.stream().map(x -> false).toList());
            // nothing shown that was hidden, shown figures true
            check(overall, all, done.overall());
            for (int r = 0; r < teams; r++) {
                check(values[r], rows.get(r), done.rows().get(r));
                hiddenTotals += done.rows().get(r).total().shown() ? 0 : 1;
            }
            hiddenTotals += done.overall().total().shown() ? 0 : 1;
            assertNothingPinned(values, done.overall(), done.rows());
        }
        assertTrue(gaveUp < RUNS / 10, "the bounded search gave up on " + gaveUp + " tables");
        assertTrue(hiddenTotals < RUNS / 10, "totals are the last resort, hidden " + hiddenTotals + " times");
    }

    private static void check(long[] values, CountTable<Integer> before, CountTable<Integer> after) {
        for (int c = 0; c < M; c++) {
            Figure<Long> f = after.cells().get(c).count();
            if (f.shown()) {
                assertEquals(values[c], f.value());
            }
            if (!before.cells().get(c).count().shown()) {
                assertEquals(before.cells().get(c).count(), f, "a hidden cell stays hidden, for its own reason");
            }
        }
        if (after.total().shown()) {
            assertEquals(Arrays.stream(values).sum(), after.total().value());
        }
    }

    private static Map<Integer, Long> map(long[] values) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (int v = 1; v <= values.length; v++) {
            out.put(v, values[v - 1]);
        }
        return out;
    }

    // ---- the bounded brute force ----

    private static final class Reader {
        final int n;
        final Figure<Long>[][] cells;
        final Figure<Long>[] rowTotals;
        final Figure<Long>[] cols;
        final Figure<Long> grand;
        final long cap;
        final List<Set<Long>> cellSeen = new ArrayList<>();
        final List<Set<Long>> colSeen = new ArrayList<>();
        final List<Set<Long>> rowSeen = new ArrayList<>();
        final Set<Long> grandSeen = new HashSet<>();
        final long[][] x;

        @SuppressWarnings("unchecked")
        Reader(CountTable<Integer> overall, List<CountTable<Integer>> rows, long cap) {
            n = rows.size();
            cells = new Figure[n][M];
            rowTotals = new Figure[n];
            cols = new Figure[M];
            for (int r = 0; r < n; r++) {
                rowTotals[r] = rows.get(r).total();
                for (int c = 0; c < M; c++) {
                    cells[r][c] = rows.get(r).cells().get(c).count();
                    cellSeen.add(new HashSet<>());
                }
                rowSeen.add(new HashSet<>());
            }
            for (int c = 0; c < M; c++) {
                cols[c] = overall.cells().get(c).count();
                colSeen.add(new HashSet<>());
            }
            grand = overall.total();
            this.cap = cap;
            x = new long[n][M];
        }

        static long lo(Figure<Long> f, long hiddenTotalLeast) {
            return f.shown() ? f.value() : f.suppressed() == SMALL_COUNT ? 1 : hiddenTotalLeast;
        }

        static long hi(Figure<Long> f, long cap) {
            return f.shown() ? f.value() : f.suppressed() == SMALL_COUNT ? 4 : cap;
        }

        /** True once every hidden figure has shown two values: no need to look further. */
        boolean done() {
            for (int r = 0; r < n; r++) {
                if (!rowTotals[r].shown() && rowSeen.get(r).size() < 2) {
                    return false;
                }
                for (int c = 0; c < M; c++) {
                    if (!cells[r][c].shown() && cellSeen.get(r * M + c).size() < 2) {
                        return false;
                    }
                }
            }
            for (int c = 0; c < M; c++) {
                if (!cols[c].shown() && colSeen.get(c).size() < 2) {
                    return false;
                }
            }
            return grand.shown() || grandSeen.size() >= 2;
        }

        long nodes;
        boolean gaveUp;

        boolean explore(int r, int c, long rowSum, long[] colSums) {
            if (++nodes > BUDGET) {
                gaveUp = true;
                return true;
            }
            if (r == n) {
                long g = 0;
                for (int j = 0; j < M; j++) {
                    if (colSums[j] < lo(cols[j], 5) || colSums[j] > hi(cols[j], cap)) {
                        return false;
                    }
                    g += colSums[j];
                }
                if (g < lo(grand, Disclosure.MIN_RESPONDENTS) || g > hi(grand, cap)) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    long s = 0;
                    for (int j = 0; j < M; j++) {
                        cellSeen.get(i * M + j).add(x[i][j]);
                        s += x[i][j];
                    }
                    rowSeen.get(i).add(s);
                }
                for (int j = 0; j < M; j++) {
                    colSeen.get(j).add(colSums[j]);
                }
                grandSeen.add(g);
                return done();
            }
            if (c == M) {
                if (rowSum < lo(rowTotals[r], Disclosure.MIN_RESPONDENTS) || rowSum > hi(rowTotals[r], cap)) {
                    return false;
                }
                return explore(r + 1, 0, 0, colSums);
            }
            Figure<Long> f = cells[r][c];
            long hi = Math.min(hi(f, cap), hi(rowTotals[r], cap) - rowSum);
            hi = Math.min(hi, hi(cols[c], cap) - colSums[c]);
            long lo = lo(f, 5);
            if (rowTotals[r].shown()) {
                long rest = 0;
                boolean allShown = true;
                for (int j = c + 1; j < M; j++) {
                    allShown &= cells[r][j].shown();
                    rest += cells[r][j].shown() ? cells[r][j].value() : 0;
                }
                if (allShown) {
                    lo = Math.max(lo, rowTotals[r].value() - rowSum - rest);
                    hi = Math.min(hi, rowTotals[r].value() - rowSum - rest);
                }
            }
            if (cols[c].shown() && r == n - 1) {
                lo = Math.max(lo, cols[c].value() - colSums[c]);
                hi = Math.min(hi, cols[c].value() - colSums[c]);
            }
            for (long v = lo; v <= hi; v++) {
                x[r][c] = v;
                colSums[c] += v;
                boolean stop = explore(r, c + 1, rowSum + v, colSums);
                colSums[c] -= v;
                if (stop) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void assertNothingPinned(long[][] values, CountTable<Integer> overall, List<CountTable<Integer>> rows) {
        long total = Arrays.stream(values).flatMapToLong(Arrays::stream).sum();
        // a completion never needs a cell above the grand total; keep the search bounded
        Reader reader = new Reader(overall, rows, total + 10);
        reader.explore(0, 0, 0, new long[M]);
        if (reader.gaveUp) {
            gaveUp++;
            return;
        }
        String table = Arrays.deepToString(values) + " → " + overall + " " + rows;
        for (int r = 0; r < reader.n; r++) {
            for (int c = 0; c < M; c++) {
                if (!reader.cells[r][c].shown()) {
                    assertTrue(reader.cellSeen.get(r * M + c).size() >= 2, "team " + r + " value " + (c + 1) + ": " + table);
                }
            }
            if (!reader.rowTotals[r].shown()) {
                assertTrue(reader.rowSeen.get(r).size() >= 2, "team " + r + " total: " + table);
            }
        }
        for (int c = 0; c < M; c++) {
            if (!reader.cols[c].shown()) {
                assertTrue(reader.colSeen.get(c).size() >= 2, "overall value " + (c + 1) + ": " + table);
            }
        }
        if (!overall.total().shown()) {
            assertTrue(reader.grandSeen.size() >= 2, "overall total: " + table);
        }
    }
}
