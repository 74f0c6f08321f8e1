package org.whatmatters.summaries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secondary suppression across a two-way table: rows (teams) × columns (e.g. rating values 1–6),
 * where the overall table's cells are the column totals, each row's table total is its row total,
 * and the overall total is the grand total. Each table protected on its own is not enough: a cell
 * hidden in one row can be worked out from the overall cell less the other rows' shown cells.
 *
 * <p>The reader knows: shown figures exactly; a small-count cell is 1–4; a secondary cell (it was
 * the smallest shown non-zero part) is 5 or more; a hidden row or overall total is
 * {@value Disclosure#MIN_RESPONDENTS} or more (its figures are shown, so it rests on enough
 * respondents); a wholly hidden row (too few respondents, or hidden with a team) has cells and total
 * from 0 up (to 9 with too few respondents).
 *
 * <p>Method: the single-line rule of {@link Disclosure#table} is applied to every row, every column
 * and the overall row, over and over until none changes (the smallest shown non-zero part goes
 * first; when no part is left, the line's total). Lines can still pin a cell together (a cell's
 * bounds from its row and its column may meet in one value), so at the fixed point every hidden
 * non-zero figure is also checked exactly: the table is a flow network (source → rows → columns →
 * sink), whose polytope is integral, so a figure can take another value iff a feasible flow with
 * the figure below or above its true value exists. A figure that can be pinned takes the smallest
 * shown non-zero part of its row or column with it, and the line rules run again.
 */
final class TwoWay {

    /** Stands for "no upper bound"; far above any count, far below overflow. */
    static final long INF = 1_000_000_000L;

    private final int n;
    private final int m;
    private final long[][] val;
    private final Figure<Long>[][] cell;
    private final boolean[] wholly;
    private final long[] wholeHi;
    private final long[] rowVal;
    private final Figure<Long>[] rowTotal;
    private final long[] colVal;
    private final Figure<Long>[] col;
    private final long grandVal;
    private Figure<Long> grand;

    /** Tables after protection: the overall one and each row's, in the order given. */
    record Result<K>(CountTable<K> overall, List<CountTable<K>> rows) {
    }

    private static final Figure<Long> SECONDARY = Figure.suppressed(Suppression.SECONDARY);

    @SuppressWarnings("unchecked")
    private TwoWay(long[] overallValues, CountTable<?> overall, List<long[]> rowValues, List<? extends CountTable<?>> rows,
                   List<Boolean> whollyHidden) {
        n = rows.size();
        m = overallValues.length;
        val = new long[n][];
        cell = new Figure[n][m];
        wholly = new boolean[n];
        wholeHi = new long[n];
        rowVal = new long[n];
        rowTotal = new Figure[n];
        for (int r = 0; r < n; r++) {
            val[r] = rowValues.get(r).clone();
            if (val[r].length != m) {
                throw new IllegalArgumentException("row " + r + " has " + val[r].length + " values, not " + m);
            }
            wholly[r] = whollyHidden.get(r);
            rowVal[r] = Arrays.stream(val[r]).sum();
            CountTable<?> t = rows.get(r);
            rowTotal[r] = t.total();
            wholeHi[r] = t.total().suppressed() == Suppression.FEW_RESPONDENTS ? Disclosure.MIN_RESPONDENTS - 1 : INF;
            for (int c = 0; c < m; c++) {
                cell[r][c] = t.cells().get(c).count();
            }
        }
        colVal = overallValues.clone();
        col = new Figure[m];
        for (int c = 0; c < m; c++) {
            col[c] = overall.cells().get(c).count();
            long sum = 0;
            for (int r = 0; r < n; r++) {
                sum += val[r][c];
            }
            if (sum != colVal[c]) {
                throw new IllegalArgumentException("column " + c + " adds up to " + sum + ", not " + colVal[c]);
            }
        }
        grandVal = Arrays.stream(colVal).sum();
        grand = overall.total();
    }

    /**
     * Protects the rows' tables and the overall table together. {@code whollyHidden} marks rows whose
     * every figure is already hidden (too few respondents, or hidden with another team). If the
     * overall table is wholly hidden there is no column total to subtract from, and the tables
     * are returned as they are.
     */
    static <K> Result<K> protect(long[] overallValues, CountTable<K> overall, List<long[]> rowValues,
                                 List<CountTable<K>> rows, List<Boolean> whollyHidden) {
        if (overall.cells().stream().noneMatch(c -> c.count().shown()) && !overall.total().shown()) {
            return new Result<>(overall, rows);
        }
        // No team row shows anything: there is nothing to subtract from the overall row, which its own
        // single-table protection already covers.
        if (rows.stream().allMatch(r -> (!r.total().shown() || r.total().value() == 0)
                && r.cells().stream().noneMatch(c -> c.count().shown() && c.count().value() > 0))) {
            return new Result<>(overall, rows);
        }
        TwoWay t = new TwoWay(overallValues, overall, rowValues, rows, whollyHidden);
        t.run();
        List<CountTable<K>> out = new ArrayList<>();
        for (int r = 0; r < t.n; r++) {
            out.add(t.rebuild(rows.get(r), t.cell[r], t.rowTotal[r]));
        }
        return new Result<>(t.rebuild(overall, t.col, t.grand), out);
    }

    private <K> CountTable<K> rebuild(CountTable<K> was, Figure<Long>[] figs, Figure<Long> total) {
        List<Cell<K>> cells = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            cells.add(new Cell<>(was.cells().get(c).key(), figs[c]));
        }
        return new CountTable<>(total, cells);
    }

    private void run() {
        int guard = (n + 1) * (m + 1) + 2;
        for (int step = 0; step <= guard; step++) {
            if (!lineStep() && !exactStep()) {
                return;
            }
        }
        // every step hides one more figure, so this cannot be reached
        throw new IllegalStateException("two-way suppression did not settle");
    }

    /** One suppression by the single-line rule, on the first line that needs one. */
    private boolean lineStep() {
        for (int r = 0; r < n; r++) {
            if (wholly[r]) {
                continue;
            }
            int s = line(val[r], cell[r], rowTotal[r].shown());
            if (s == -2) {
                rowTotal[r] = SECONDARY;
                return true;
            }
            if (s >= 0) {
                cell[r][s] = SECONDARY;
                return true;
            }
        }
        for (int c = 0; c < m; c++) {
            long[] v = new long[n];
            @SuppressWarnings("unchecked")
            Figure<Long>[] f = new Figure[n];
            for (int r = 0; r < n; r++) {
                v[r] = val[r][c];
                // a wholly hidden row's cell counts as hidden, with the loosest bound the rule knows
                f[r] = wholly[r] ? SECONDARY : cell[r][c];
            }
            int s = line(v, f, col[c].shown());
            if (s == -2) {
                col[c] = SECONDARY;
                return true;
            }
            if (s >= 0) {
                cell[s][c] = SECONDARY;
                return true;
            }
        }
        int s = line(colVal, col, grand.shown());
        if (s == -2) {
            grand = SECONDARY;
            return true;
        }
        if (s >= 0) {
            col[s] = SECONDARY;
            return true;
        }
        return false;
    }

    /** -1: nothing to do; -2: hide the total; otherwise the part to hide. */
    private static int line(long[] vals, Figure<Long>[] figs, boolean totalShown) {
        if (!totalShown) {
            return -1;
        }
        Map<Integer, Long> parts = new LinkedHashMap<>();
        Map<Integer, Figure<Long>> cells = new LinkedHashMap<>();
        for (int i = 0; i < vals.length; i++) {
            parts.put(i, vals[i]);
            cells.put(i, figs[i]);
        }
        if (Disclosure.safe(parts, cells)) {
            return -1;
        }
        Integer next = Disclosure.smallestShown(parts, cells);
        return next == null ? -2 : next;
    }

    // ---- the exact check ----

    // arcs of the network: 0..n*m-1 cells, then rows, then columns, then the grand total
    private int cellArc(int r, int c) {
        return r * m + c;
    }

    private int rowArc(int r) {
        return n * m + r;
    }

    private int colArc(int c) {
        return n * m + n + c;
    }

    private int grandArc() {
        return n * m + n + m;
    }

    private int arcs() {
        return n * m + n + m + 1;
    }

    private long value(int a) {
        if (a < n * m) {
            return val[a / m][a % m];
        }
        if (a < n * m + n) {
            return rowVal[a - n * m];
        }
        if (a < n * m + n + m) {
            return colVal[a - n * m - n];
        }
        return grandVal;
    }

    private Figure<Long> figure(int a) {
        if (a < n * m) {
            return cell[a / m][a % m];
        }
        if (a < n * m + n) {
            return rowTotal[a - n * m];
        }
        if (a < n * m + n + m) {
            return col[a - n * m - n];
        }
        return grand;
    }

    private void hide(int a) {
        if (a < n * m) {
            cell[a / m][a % m] = SECONDARY;
        } else if (a < n * m + n) {
            rowTotal[a - n * m] = SECONDARY;
        } else if (a < n * m + n + m) {
            col[a - n * m - n] = SECONDARY;
        } else {
            grand = SECONDARY;
        }
    }

    /** What the reader knows of an arc's value: {low, high}. */
    private long[] bounds(int a) {
        Figure<Long> f = figure(a);
        if (f.shown()) {
            return new long[] {f.value(), f.value()};
        }
        if (a < n * m && wholly[a / m] || a >= n * m && a < n * m + n && wholly[a - n * m]) {
            int r = a < n * m ? a / m : a - n * m;
            return new long[] {0, wholeHi[r]};
        }
        if (f.suppressed() == Suppression.SMALL_COUNT) {
            return new long[] {1, Disclosure.MIN_COUNT - 1};
        }
        if (a < n * m || a >= n * m + n && a < n * m + n + m) {
            return new long[] {Disclosure.MIN_COUNT, INF};
        }
        // a hidden row or grand total whose figures are shown rests on enough respondents
        return new long[] {Disclosure.MIN_RESPONDENTS, INF};
    }

    /** One suppression for the first hidden non-zero figure the reader could pin down, if any. */
    private boolean exactStep() {
        long[][] b = new long[arcs()][];
        for (int a = 0; a < arcs(); a++) {
            b[a] = bounds(a);
        }
        for (int a = 0; a < arcs(); a++) {
            if (figure(a).shown() || value(a) == 0) {
                continue;
            }
            if (!pinned(b, a)) {
                continue;
            }
            int next = cover(a);
            if (next < 0) {
                return false; // nothing left to hide
            }
            hide(next);
            return true;
        }
        return false;
    }

    /** Whether, within what the reader knows, arc {@code a} can only take its true value. */
    boolean pinned(long[][] b, int a) {
        long v = value(a);
        long[] keep = b[a];
        try {
            if (keep[0] <= v - 1) {
                b[a] = new long[] {keep[0], v - 1};
                if (feasible(b)) {
                    return false;
                }
            }
            if (v + 1 <= keep[1]) {
                b[a] = new long[] {v + 1, keep[1]};
                if (feasible(b)) {
                    return false;
                }
            }
            return true;
        } finally {
            b[a] = keep;
        }
    }

    /**
     * The figure to hide so that {@code a} is no longer pinned: the smallest shown non-zero cell in
     * its row or column; else in the overall row; else anywhere; a total only as the last resort
     * (a table's total is usually also published as a response count).
     */
    private int cover(int a) {
        List<List<Integer>> tiers = new ArrayList<>();
        List<Integer> near = new ArrayList<>();
        if (a < n * m) {
            int r = a / m;
            int c = a % m;
            for (int j = 0; j < m; j++) {
                near.add(cellArc(r, j));
            }
            for (int i = 0; i < n; i++) {
                near.add(cellArc(i, c));
            }
            tiers.add(near);
            tiers.add(List.of(colArc(c)));
        } else if (a < n * m + n) {
            int r = a - n * m;
            for (int j = 0; j < m; j++) {
                near.add(cellArc(r, j));
            }
            tiers.add(near);
        } else if (a < grandArc()) {
            int c = a - n * m - n;
            for (int i = 0; i < n; i++) {
                near.add(cellArc(i, c));
            }
            tiers.add(near);
        }
        List<Integer> overallRow = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            overallRow.add(colArc(c));
        }
        tiers.add(overallRow);
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < n * m; i++) {
            cells.add(i);
        }
        cells.addAll(overallRow);
        tiers.add(cells);
        List<Integer> totals = new ArrayList<>();
        if (a >= n * m && a < n * m + n) {
            totals.add(grandArc());
        } else if (a < n * m) {
            totals.add(rowArc(a / m));
        }
        tiers.add(totals);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < arcs(); i++) {
            all.add(i);
        }
        tiers.add(all);
        for (List<Integer> tier : tiers) {
            int best = smallest(tier);
            if (best >= 0) {
                return best;
            }
        }
        return -1;
    }

    private int smallest(List<Integer> candidates) {
        int best = -1;
        for (int a : candidates) {
            if (figure(a).shown() && value(a) > 0 && (best < 0 || value(a) < value(best))) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Whether some table fits the bounds: a circulation source → row r (row total) → column c
     * (cell) → sink (column total) → source (grand total), with lower bounds, by the usual reduction
     * to a maximum flow.
     */
    private boolean feasible(long[][] b) {
        int src = 0;
        int sink = n + m + 1;
        int s2 = n + m + 2;
        int t2 = n + m + 3;
        int size = n + m + 4;
        long[][] cap = new long[size][size];
        long[] excess = new long[size];
        for (int r = 0; r < n; r++) {
            edge(cap, excess, src, 1 + r, b[rowArc(r)]);
            for (int c = 0; c < m; c++) {
                edge(cap, excess, 1 + r, 1 + n + c, b[cellArc(r, c)]);
            }
        }
        for (int c = 0; c < m; c++) {
            edge(cap, excess, 1 + n + c, sink, b[colArc(c)]);
        }
        edge(cap, excess, sink, src, b[grandArc()]);
        long need = 0;
        for (int v = 0; v < s2; v++) {
            if (excess[v] > 0) {
                cap[s2][v] += excess[v];
                need += excess[v];
            } else if (excess[v] < 0) {
                cap[v][t2] += -excess[v];
            }
        }
        return maxFlow(cap, s2, t2) == need;
    }

    private static void edge(long[][] cap, long[] excess, int u, int v, long[] lh) {
        if (lh[0] > lh[1]) {
            // an empty range: make the network infeasible
            excess[v] += INF;
            return;
        }
        cap[u][v] += lh[1] - lh[0];
        excess[v] += lh[0];
        excess[u] -= lh[0];
    }

    private static long maxFlow(long[][] cap, int s, int t) {
        int size = cap.length;
        long flow = 0;
        int[] prev = new int[size];
        while (true) {
            Arrays.fill(prev, -1);
            prev[s] = s;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty() && prev[t] < 0) {
                int u = queue.poll();
                for (int v = 0; v < size; v++) {
                    if (prev[v] < 0 && cap[u][v] > 0) {
                        prev[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (prev[t] < 0) {
                return flow;
            }
            long push = Long.MAX_VALUE;
            for (int v = t; v != s; v = prev[v]) {
                push = Math.min(push, cap[prev[v]][v]);
            }
            for (int v = t; v != s; v = prev[v]) {
                cap[prev[v]][v] -= push;
                cap[v][prev[v]] += push;
            }
            flow += push;
        }
    }
}
