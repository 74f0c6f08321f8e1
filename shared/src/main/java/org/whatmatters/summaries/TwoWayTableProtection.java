package org.whatmatters.summaries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protects a two-way table against the recovery of suppressed cells (secondary suppression across it):
 * rows (teams) × columns (e.g. rating values 1–6), where the overall table's cells are the column totals,
 * each row's table total is its row total, and the overall total is the grand total. Each table protected
 * on its own is not enough: a cell hidden in one row can be worked out from the overall cell less the
 * other rows' shown cells.
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
final class TwoWayTableProtection {

    /** Stands for "no upper bound"; far above any count, far below overflow. */
    static final long INF = 1_000_000_000L;

    private final int rowCount;
    private final int columnCount;
    private final long[][] cellValues;
    private final Figure<Long>[][] cellFigures;
    private final boolean[] hiddenRow;
    private final long[] hiddenRowMax;
    private final long[] rowTotals;
    private final Figure<Long>[] rowTotalFigures;
    private final long[] columnTotals;
    private final Figure<Long>[] columnTotalFigures;
    private final long grandTotal;
    private Figure<Long> grandTotalFigure;

    /** Tables after protection: the overall one and each row's, in the order given. */
    record Result<K>(CountTable<K> overall, List<CountTable<K>> rows) {
    }

    private static final Figure<Long> SECONDARY = Figure.suppressed(Suppression.SECONDARY);

    @SuppressWarnings("unchecked")
    private TwoWayTableProtection(long[] overallValues, CountTable<?> overall, List<long[]> rowValues,
                                  List<? extends CountTable<?>> rows,
                   List<Boolean> whollyHidden) {
        rowCount = rows.size();
        columnCount = overallValues.length;
        cellValues = new long[rowCount][];
        cellFigures = new Figure[rowCount][columnCount];
        hiddenRow = new boolean[rowCount];
        hiddenRowMax = new long[rowCount];
        rowTotals = new long[rowCount];
        rowTotalFigures = new Figure[rowCount];
        for (int r = 0; r < rowCount; r++) {
            cellValues[r] = rowValues.get(r).clone();
            if (cellValues[r].length != columnCount) {
                throw new IllegalArgumentException("row " + r + " has " + cellValues[r].length + " values, not "
                        + columnCount);
            }
            hiddenRow[r] = whollyHidden.get(r);
            rowTotals[r] = Arrays.stream(cellValues[r]).sum();
            CountTable<?> t = rows.get(r);
            rowTotalFigures[r] = t.total();
            hiddenRowMax[r] = t.total().suppressed() == Suppression.FEW_RESPONDENTS
                    ? Disclosure.MIN_RESPONDENTS - 1 : INF;
            for (int c = 0; c < columnCount; c++) {
                cellFigures[r][c] = t.cells().get(c).count();
            }
        }
        columnTotals = overallValues.clone();
        columnTotalFigures = new Figure[columnCount];
        for (int c = 0; c < columnCount; c++) {
            columnTotalFigures[c] = overall.cells().get(c).count();
            long sum = 0;
            for (int r = 0; r < rowCount; r++) {
                sum += cellValues[r][c];
            }
            if (sum != columnTotals[c]) {
                throw new IllegalArgumentException("column " + c + " adds up to " + sum + ", not " + columnTotals[c]);
            }
        }
        grandTotal = Arrays.stream(columnTotals).sum();
        grandTotalFigure = overall.total();
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
        TwoWayTableProtection t = new TwoWayTableProtection(overallValues, overall, rowValues, rows, whollyHidden);
        t.run();
        List<CountTable<K>> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount; r++) {
            out.add(t.rebuild(rows.get(r), t.cellFigures[r], t.rowTotalFigures[r]));
        }
        return new Result<>(t.rebuild(overall, t.columnTotalFigures, t.grandTotalFigure), out);
    }

    private <K> CountTable<K> rebuild(CountTable<K> was, Figure<Long>[] figs, Figure<Long> total) {
        List<Cell<K>> cells = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            cells.add(new Cell<>(was.cells().get(c).key(), figs[c]));
        }
        return new CountTable<>(total, cells);
    }

    private void run() {
        int guard = (rowCount + 1) * (columnCount + 1) + 2;
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
        for (int r = 0; r < rowCount; r++) {
            if (hiddenRow[r]) {
                continue;
            }
            int s = line(cellValues[r], cellFigures[r], rowTotalFigures[r].shown());
            if (s == -2) {
                rowTotalFigures[r] = SECONDARY;
                return true;
            }
            if (s >= 0) {
                cellFigures[r][s] = SECONDARY;
                return true;
            }
        }
        for (int c = 0; c < columnCount; c++) {
            long[] v = new long[rowCount];
            @SuppressWarnings("unchecked")
            Figure<Long>[] f = new Figure[rowCount];
            for (int r = 0; r < rowCount; r++) {
                v[r] = cellValues[r][c];
                // a wholly hidden row's cell counts as hidden, with the loosest bound the rule knows
                f[r] = hiddenRow[r] ? SECONDARY : cellFigures[r][c];
            }
            int s = line(v, f, columnTotalFigures[c].shown());
            if (s == -2) {
                columnTotalFigures[c] = SECONDARY;
                return true;
            }
            if (s >= 0) {
                cellFigures[s][c] = SECONDARY;
                return true;
            }
        }
        int s = line(columnTotals, columnTotalFigures, grandTotalFigure.shown());
        if (s == -2) {
            grandTotalFigure = SECONDARY;
            return true;
        }
        if (s >= 0) {
            columnTotalFigures[s] = SECONDARY;
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

    // arcs of the network: the cells first, then the row totals, then the column totals, then the grand total
    private int cellArcs() {
        return rowCount * columnCount;
    }

    private int cellArc(int r, int c) {
        return r * columnCount + c;
    }

    private int rowArc(int r) {
        return cellArcs() + r;
    }

    private int colArc(int c) {
        return cellArcs() + rowCount + c;
    }

    private int grandArc() {
        return cellArcs() + rowCount + columnCount;
    }

    private int arcs() {
        return cellArcs() + rowCount + columnCount + 1;
    }

    private long value(int a) {
        if (a < cellArcs()) {
            return cellValues[a / columnCount][a % columnCount];
        }
        if (a < cellArcs() + rowCount) {
            return rowTotals[a - cellArcs()];
        }
        if (a < cellArcs() + rowCount + columnCount) {
            return columnTotals[a - cellArcs() - rowCount];
        }
        return grandTotal;
    }

    private Figure<Long> figure(int a) {
        if (a < cellArcs()) {
            return cellFigures[a / columnCount][a % columnCount];
        }
        if (a < cellArcs() + rowCount) {
            return rowTotalFigures[a - cellArcs()];
        }
        if (a < cellArcs() + rowCount + columnCount) {
            return columnTotalFigures[a - cellArcs() - rowCount];
        }
        return grandTotalFigure;
    }

    private void hide(int a) {
        if (a < cellArcs()) {
            cellFigures[a / columnCount][a % columnCount] = SECONDARY;
        } else if (a < cellArcs() + rowCount) {
            rowTotalFigures[a - cellArcs()] = SECONDARY;
        } else if (a < cellArcs() + rowCount + columnCount) {
            columnTotalFigures[a - cellArcs() - rowCount] = SECONDARY;
        } else {
            grandTotalFigure = SECONDARY;
        }
    }

    /** What the reader knows of an arc's value: {low, high}. */
    private long[] bounds(int a) {
        Figure<Long> f = figure(a);
        if (f.shown()) {
            return new long[] {f.value(), f.value()};
        }
        if (a < cellArcs() && hiddenRow[a / columnCount]
                || a >= cellArcs() && a < cellArcs() + rowCount && hiddenRow[a - cellArcs()]) {
            int r = a < cellArcs() ? a / columnCount : a - cellArcs();
            return new long[] {0, hiddenRowMax[r]};
        }
        if (f.suppressed() == Suppression.SMALL_COUNT) {
            return new long[] {1, Disclosure.MIN_COUNT - 1};
        }
        if (a < cellArcs() || a >= cellArcs() + rowCount && a < cellArcs() + rowCount + columnCount) {
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
        if (a < cellArcs()) {
            int r = a / columnCount;
            int c = a % columnCount;
            for (int j = 0; j < columnCount; j++) {
                near.add(cellArc(r, j));
            }
            for (int i = 0; i < rowCount; i++) {
                near.add(cellArc(i, c));
            }
            tiers.add(near);
            tiers.add(List.of(colArc(c)));
        } else if (a < cellArcs() + rowCount) {
            int r = a - cellArcs();
            for (int j = 0; j < columnCount; j++) {
                near.add(cellArc(r, j));
            }
            tiers.add(near);
        } else if (a < grandArc()) {
            int c = a - cellArcs() - rowCount;
            for (int i = 0; i < rowCount; i++) {
                near.add(cellArc(i, c));
            }
            tiers.add(near);
        }
        List<Integer> overallRow = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            overallRow.add(colArc(c));
        }
        tiers.add(overallRow);
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < cellArcs(); i++) {
            cells.add(i);
        }
        cells.addAll(overallRow);
        tiers.add(cells);
        List<Integer> totals = new ArrayList<>();
        if (a >= cellArcs() && a < cellArcs() + rowCount) {
            totals.add(grandArc());
        } else if (a < cellArcs()) {
            totals.add(rowArc(a / columnCount));
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
        int sink = rowCount + columnCount + 1;
        int s2 = rowCount + columnCount + 2;
        int t2 = rowCount + columnCount + 3;
        int size = rowCount + columnCount + 4;
        long[][] cap = new long[size][size];
        long[] excess = new long[size];
        for (int r = 0; r < rowCount; r++) {
            edge(cap, excess, src, 1 + r, b[rowArc(r)]);
            for (int c = 0; c < columnCount; c++) {
                edge(cap, excess, 1 + r, 1 + rowCount + c, b[cellArc(r, c)]);
            }
        }
        for (int c = 0; c < columnCount; c++) {
            edge(cap, excess, 1 + rowCount + c, sink, b[colArc(c)]);
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
