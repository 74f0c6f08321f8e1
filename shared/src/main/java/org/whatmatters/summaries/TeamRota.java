package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.List;
import org.whatmatters.domain.CancellationRequester;

/**
 * A team's punctuality figures for its own dashboard, unsuppressed: the same definitions as {@link RotaFigures}
 * (planned = completed + missed; % on time and % short of the completed; missed per 1,000 planned), with the
 * counts themselves and the mean minutes late of the late visits. A figure with nothing to divide by is null.
 */
public record TeamRota(long plannedVisits, long completedVisits, long onTime, long late, long missed, long shortVisits,
                       long cancelled, List<CancellationCount> cancelledBy, Double onTimePercent,
                       Double missedPer1000Planned, Double shortPercent, Double meanMinutesLate, double plannedHours,
                       double deliveredHours) {

    public TeamRota {
        cancelledBy = List.copyOf(cancelledBy);
    }

    /** Visits cancelled at the request of one party. */
    public record CancellationCount(CancellationRequester requestedBy, long visits) {
    }

    public static TeamRota of(RotaCounts r) {
        List<CancellationCount> by = new ArrayList<>();
        r.cancelledBy().forEach((who, n) -> by.add(new CancellationCount(who, n)));
        return new TeamRota(r.planned(), r.completed(), r.onTime(), r.late(), r.missed(), r.shortVisits(),
                r.cancelled(), by, RotaCounts.percent(r.onTime(), r.completed()),
                RotaCounts.perThousand(r.missed(), r.planned()), RotaCounts.percent(r.shortVisits(), r.completed()),
                r.late() == 0 ? null : Numbers.round((double) r.lateMinutes() / r.late(), 1),
                RotaCounts.hours(r.plannedMinutes()), RotaCounts.hours(r.deliveredMinutes()));
    }
}
