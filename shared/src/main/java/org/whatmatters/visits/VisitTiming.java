package org.whatmatters.visits;

import java.time.Duration;
import org.whatmatters.domain.Visit;

/**
 * A visit's figures: its planned minutes and, once started, its punctuality and how many minutes after the
 * planned start it began (negative: early); once finished, the minutes delivered and whether it was short. A
 * visit marked missed before anyone checked in is late by at least the time to its miss, whatever start the
 * check-in gives: the miss was real when it was told, and a start written afterwards must not undo it.
 */
public record VisitTiming(long plannedMinutes, Punctuality punctuality, Long minutesLate, Long deliveredMinutes,
                          Boolean shortVisit) {

    public static VisitTiming of(Visit v, VisitRules rules) {
        long planned = v.plannedMinutes();
        if (v.actualStart() == null) {
            return new VisitTiming(planned, null, null, null, null);
        }
        Duration offset = Duration.between(v.plannedStart(), v.actualStart());
        if (v.missedAt() != null) {
            Duration toMiss = Duration.between(v.plannedStart(), v.missedAt());
            offset = offset.compareTo(toMiss) > 0 ? offset : toMiss;
        }
        Punctuality p = offset.abs().compareTo(VisitRules.ON_TIME) <= 0 ? Punctuality.ON_TIME
                : offset.isNegative() ? Punctuality.EARLY : Punctuality.LATE;
        if (v.actualEnd() == null) {
            return new VisitTiming(planned, p, offset.toMinutes(), null, null);
        }
        long delivered = Math.max(0, Duration.between(v.actualStart(), v.actualEnd()).toMinutes());
        return new VisitTiming(planned, p, offset.toMinutes(), delivered, delivered * 100 < planned * rules.shortPercent());
    }
}
