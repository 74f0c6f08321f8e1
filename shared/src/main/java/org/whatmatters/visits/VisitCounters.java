package org.whatmatters.visits;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.aggregates.AggregateKey;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.aggregates.Counters;
import org.whatmatters.domain.Visit;

/**
 * What a completed visit adds to the running aggregates of its team and of each contract covering
 * the team, in the month of its service date. Care minutes are worker-minutes (a visit by two
 * workers gives twice its length), to sit over paid shift minutes in the Magic Number.
 */
final class VisitCounters {

    private VisitCounters() {
    }

    static List<Counters> completed(Visit v, List<String> contractIds) {
        long minutes = Math.max(0, Duration.between(v.actualStart(), v.actualEnd()).toMinutes());
        YearMonth month = YearMonth.from(v.serviceDate());
        Counters.Builder b = Counters.on(AggregateKey.teamMonth(v.teamId(), month))
                .add(Counter.VISITS, 1)
                .add(Counter.CARE_MINUTES, minutes * v.workerIds().size());
        for (String worker : v.workerIds()) {
            b.add(Counter.visitsBy(v.clientId(), worker), 1).add(Counter.careMinutesBy(v.clientId(), worker), minutes);
        }
        Counters team = b.build();
        List<Counters> all = new ArrayList<>(List.of(team));
        contractIds.forEach(k -> all.add(team.at(AggregateKey.contractMonth(k, month))));
        return all;
    }
}
