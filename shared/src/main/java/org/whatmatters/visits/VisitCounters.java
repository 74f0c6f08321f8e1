package org.whatmatters.visits;

import java.time.Duration;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.Counters;
import org.whatmatters.domain.Visit;

/**
 * What a completed visit adds to its team's (and contracts') month. Care minutes are worker-minutes
 * (a visit by two workers gives twice its length), to sit over paid shift minutes in the Magic Number.
 */
public final class VisitCounters {

    private VisitCounters() {
    }

    public static void completed(Visit v, Counters.Builder b) {
        long minutes = Math.max(0, Duration.between(v.actualStart(), v.actualEnd()).toMinutes());
        b.add(Counter.VISITS, 1).add(Counter.CARE_MINUTES, minutes * v.workerIds().size());
        for (String worker : v.workerIds()) {
            b.add(Counter.visitsBy(v.clientId(), worker), 1).add(Counter.careMinutesBy(v.clientId(), worker), minutes);
        }
    }
}
