package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control for commissioner outputs.
 *
 * <ul>
 *   <li>A figure resting on fewer than {@value #MIN_RESPONDENTS} respondents (an NPS, an average, a
 *       rate) is suppressed: {@link Suppression#FEW_RESPONDENTS}.
 *   <li>A count of 1–4 is suppressed: {@link Suppression#SMALL_COUNT}. Zero is shown: it says
 *       nothing about anyone.
 *   <li>Secondary suppression, for parts that add up to a shown total. A reader knows each
 *       small-count cell is 1–4 and, from the rule, each secondary cell is 5 or more, and can
 *       subtract the shown parts from the total. The suppressed cells are safe when none of them can
 *       then be pinned to one value: there are at least two, their sum is above the sum of their
 *       least possible values, and, if all are small counts, below the sum of their greatest (4
 *       each). Until that holds, the smallest shown non-zero part is suppressed too
 *       ({@link Suppression#SECONDARY}); when no part is left, the total is suppressed instead.
 * </ul>
 *
 * Each table is protected on its own here; figures that appear in more than one table (a team's responses
 * in the per-team table and in the team's own section) must come from the same protected table.
 * Tables that make up a two-way table (per-team distributions whose overall distribution is
 * published) are protected together afterwards by {@link TwoWayTableProtection}, which reuses this rule for
 * every row and column.
 */
public final class Disclosure {

    public static final int MIN_RESPONDENTS = 10;
    public static final int MIN_COUNT = 5;

    private Disclosure() {
    }

    /** A figure computed from the answers of {@code respondents} people. */
    public static <T> Figure<T> resting(T value, long respondents) {
        return respondents < MIN_RESPONDENTS ? Figure.suppressed(Suppression.FEW_RESPONDENTS) : Figure.of(value);
    }

    public static Figure<Long> count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return n > 0 && n < MIN_COUNT ? Figure.suppressed(Suppression.SMALL_COUNT) : Figure.of(n);
    }

    /** Parts with no published total (or a total they do not add up to): small counts only. */
    public static <K> List<Cell<K>> parts(Map<K, Long> parts) {
        List<Cell<K>> out = new ArrayList<>();
        parts.forEach((k, n) -> out.add(new Cell<>(k, count(n))));
        return out;
    }

    /** Parts that add up to {@code total}, in the map's order (which also breaks ties for secondary suppression). */
    public static <K> CountTable<K> table(Map<K, Long> parts, long total) {
        long sum = parts.values().stream().mapToLong(Long::longValue).sum();
        if (sum != total) {
            throw new IllegalArgumentException("parts add up to " + sum + ", not the total " + total);
        }
        Map<K, Figure<Long>> cells = new LinkedHashMap<>();
        parts.forEach((k, n) -> cells.put(k, count(n)));
        Figure<Long> shownTotal = count(total);
        while (shownTotal.shown() && !safe(parts, cells)) {
            K next = smallestShown(parts, cells);
            if (next == null) {
                shownTotal = Figure.suppressed(Suppression.SECONDARY);
            } else {
                cells.put(next, Figure.suppressed(Suppression.SECONDARY));
            }
        }
        List<Cell<K>> out = new ArrayList<>();
        cells.forEach((k, f) -> out.add(new Cell<>(k, f)));
        return new CountTable<>(shownTotal, out);
    }

    /** A table of respondents' answers: all of it suppressed when there are too few respondents. */
    public static <K> CountTable<K> respondentTable(Map<K, Long> parts, long respondents) {
        if (respondents >= MIN_RESPONDENTS) {
            return table(parts, respondents);
        }
        Figure<Long> few = Figure.suppressed(Suppression.FEW_RESPONDENTS);
        List<Cell<K>> out = new ArrayList<>();
        parts.keySet().forEach(k -> out.add(new Cell<>(k, few)));
        return new CountTable<>(few, out);
    }

    static <K> boolean safe(Map<K, Long> parts, Map<K, Figure<Long>> cells) {
        int hidden = 0;
        long sum = 0;
        long least = 0;
        boolean secondary = false;
        for (Map.Entry<K, Figure<Long>> e : cells.entrySet()) {
            if (!e.getValue().shown()) {
                hidden++;
                sum += parts.get(e.getKey());
                boolean small = e.getValue().suppressed() == Suppression.SMALL_COUNT;
                least += small ? 1 : MIN_COUNT;
                secondary |= !small;
            }
        }
        return hidden == 0 || hidden >= 2 && sum > least && (secondary || sum < (long) (MIN_COUNT - 1) * hidden);
    }

    static <K> K smallestShown(Map<K, Long> parts, Map<K, Figure<Long>> cells) {
        K best = null;
        for (Map.Entry<K, Figure<Long>> e : cells.entrySet()) {
            long n = parts.get(e.getKey());
            if (e.getValue().shown() && n > 0 && (best == null || n < parts.get(best))) {
                best = e.getKey();
            }
        }
        return best;
    }
}
