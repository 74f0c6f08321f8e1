package org.whatmatters.visits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.Counters;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.ops.Metric;

/**
 * The minute-by-minute look for visits nobody has checked in to: late {@link VisitRules#lateAfter()} after the
 * planned start, missed at the planned end plus {@link VisitRules#missedGrace()}. It reads only the overdue part
 * of the sparse watch index (today's and yesterday's UTC partitions), so its cost follows the visits that are
 * overdue, not the visits of the day. The visit's change in the table is what tells the family and the team
 * (visit.late, visit.missed); a miss is counted in the same transaction.
 */
@Singleton
public final class LateCheck {

    /** What one run marked. */
    public record Result(int late, int missed) {
    }

    private final VisitStore visits;
    private final ActivityCounters counters;
    private final VisitRules rules;
    private final Clock clock;

    @Inject
    public LateCheck(VisitStore visits, ActivityCounters counters, VisitRules rules, Clock clock) {
        this.visits = visits;
        this.counters = counters;
        this.rules = rules;
        this.clock = clock;
    }

    public Result run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int late = 0;
        int missed = 0;
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Visit due : visits.overdue(false, day, now.minus(rules.lateAfter()))) {
                switch (mark(due.visitId(), now)) {
                    case LATE -> late++;
                    case MISSED -> missed++;
                    case NONE -> { }
                }
            }
            for (Visit due : visits.overdue(true, day, now.minus(rules.missedGrace()))) {
                if (mark(due.visitId(), now) == Mark.MISSED) {
                    missed++;
                }
            }
        }
        return new Result(late, missed);
    }

    private enum Mark { LATE, MISSED, NONE }

    /** Reads the visit again (the index lags the table) and marks it, unless someone got there first. */
    private Mark mark(String visitId, Instant now) {
        Optional<Visit> read = visits.find(visitId);
        if (read.isEmpty() || read.get().status() != VisitStatus.PLANNED) {
            return Mark.NONE;
        }
        Visit v = read.get();
        if (!now.isBefore(v.plannedEnd().plus(rules.missedGrace()))) {
            Visit missed = v.flaggedMissed(now);
            List<Counters> counted = counters.count(v.teamId(), v.serviceDate(), b -> VisitCounters.missed(missed, b));
            if (visits.replace(missed, v, counted)) {
                Metric.VISITS_MISSED.add();
                return Mark.MISSED;
            }
            return Mark.NONE;
        }
        if (v.lateAt() == null && !now.isBefore(v.plannedStart().plus(rules.lateAfter()))
                && visits.replace(v.flaggedLate(now), v, List.of())) {
            Metric.VISITS_LATE.add();
            return Mark.LATE;
        }
        return Mark.NONE;
    }
}
