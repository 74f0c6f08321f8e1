package org.whatmatters.visits;

import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.Counters;
import org.whatmatters.domain.Visit;

/**
 * What a visit adds to its team's (and contracts') month when it ends: completed, missed or cancelled. A
 * visit planned is counted once, by how it ended: a check-in after it was marked missed takes the miss back.
 * Care minutes are worker-minutes (a visit by two workers gives twice its length), to sit over paid shift
 * minutes in the Magic Number; delivered minutes are the visit's own length, against its planned minutes.
 */
public final class VisitCounters {

    private VisitCounters() {
    }

    public static void completed(Visit v, VisitRules rules, Counters.Builder b) {
        VisitTiming t = VisitTiming.of(v, rules);
        long minutes = t.deliveredMinutes();
        b.add(Counter.VISITS, 1).add(Counter.CARE_MINUTES, minutes * v.workerIds().size());
        for (String worker : v.workerIds()) {
            b.add(Counter.visitsBy(v.clientId(), worker), 1).add(Counter.careMinutesBy(v.clientId(), worker), minutes);
        }
        b.add(Counter.PLANNED_MINUTES, t.plannedMinutes()).add(Counter.DELIVERED_MINUTES, minutes);
        switch (t.punctuality()) {
            case ON_TIME -> b.add(Counter.ON_TIME, 1);
            case LATE -> b.add(Counter.LATE, 1).add(Counter.LATE_MINUTES, t.minutesLate())
                    .add(Counter.lateFor(v.clientId()), 1);
            case EARLY -> { }
        }
        if (t.shortVisit()) {
            b.add(Counter.SHORT, 1);
        }
    }

    public static void missed(Visit v, Counters.Builder b) {
        b.add(Counter.MISSED, 1).add(Counter.missedFor(v.clientId()), 1).add(Counter.PLANNED_MINUTES, v.plannedMinutes());
    }

    /**
     * A visit marked missed that ends after all: counted as it ended (late) instead, at the check-out, so a check-in
     * never followed by a check-out leaves the miss counted.
     */
    public static void unmissed(Visit v, Counters.Builder b) {
        b.add(Counter.MISSED, -1).add(Counter.missedFor(v.clientId()), -1)
                .add(Counter.PLANNED_MINUTES, -v.plannedMinutes());
    }

    public static void cancelled(Visit v, Counters.Builder b) {
        b.add(Counter.CANCELLED, 1).add(Counter.cancelledBy(v.cancellation().requestedBy().toString()), 1);
    }
}
