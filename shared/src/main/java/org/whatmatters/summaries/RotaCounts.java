package org.whatmatters.summaries;

import java.util.LinkedHashMap;
import java.util.Map;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.CancellationRequester;

/**
 * The rota counters of some months added up ({@code VisitCounters} writes them with the visit): what the
 * commissioner's and the team's punctuality figures are made from. A visit planned is counted once, by how it
 * ended: completed ({@code visits}), missed, or cancelled. Planned visits are the completed and the missed ones;
 * cancelled visits were not expected to happen and are reported apart.
 */
public record RotaCounts(long completed, long onTime, long late, long lateMinutes, long shortVisits, long missed,
                         Map<CancellationRequester, Long> cancelledBy, long plannedMinutes, long deliveredMinutes) {

    public RotaCounts {
        cancelledBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cancelledBy));
    }

    public static RotaCounts of(Map<String, Long> c) {
        Map<CancellationRequester, Long> by = new LinkedHashMap<>();
        for (CancellationRequester r : CancellationRequester.values()) {
            by.put(r, n(c, Counter.cancelledBy(r.toString())));
        }
        return new RotaCounts(n(c, Counter.VISITS), n(c, Counter.ON_TIME), n(c, Counter.LATE), n(c, Counter.LATE_MINUTES),
                n(c, Counter.SHORT), n(c, Counter.MISSED), by, n(c, Counter.PLANNED_MINUTES),
                n(c, Counter.DELIVERED_MINUTES));
    }

    /**
     * Never below zero: a miss taken back after a contract was back-dated over the visit's day lands on a contract
     * month that never counted it.
     */
    private static long n(Map<String, Long> c, String counter) {
        return Math.max(0, c.getOrDefault(counter, 0L));
    }

    /** Visits that were expected to happen: completed or missed. */
    public long planned() {
        return completed + missed;
    }

    /** The sum of the parts, so that the table of who asked always adds up to its total. */
    public long cancelled() {
        return cancelledBy.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code part} of {@code whole} in %, to one decimal; null when there is no whole. */
    static Double percent(long part, long whole) {
        return whole <= 0 ? null : Numbers.round(100.0 * part / whole, 1);
    }

    /** Missed per 1,000 planned, to one decimal; null when none were planned. */
    static Double perThousand(long part, long whole) {
        return whole <= 0 ? null : Numbers.round(1000.0 * part / whole, 1);
    }

    static double hours(long minutes) {
        return Numbers.round(minutes / 60.0, 1);
    }
}
