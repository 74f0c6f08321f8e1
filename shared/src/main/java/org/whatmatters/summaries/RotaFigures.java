package org.whatmatters.summaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.domain.CancellationRequester;

/**
 * A contract's punctuality figures as a commissioner sees them, under disclosure control. Planned visits are a
 * table of two parts, completed and missed, so secondary suppression keeps a small missed count from showing as
 * planned − completed. A percentage or rate shows a count once its base is known, so it is suppressed with it:
 * % on time reveals the on-time and the not-on-time visits, % short the short and the not-short ones, missed per
 * 1,000 the missed ones. A percentage with nothing to divide by is absent (null). Cancellations by who asked add
 * up to the cancellations, protected as one table. Hours go with the visits they add up: where visits have a
 * standard length, planned hours would give away a suppressed count of planned visits (and delivered hours one
 * of completed visits), so each is suppressed with its count.
 */
public record RotaFigures(Figure<Long> plannedVisits, Figure<Long> completedVisits, Figure<Long> missedVisits,
                          Figure<Double> onTimePercent, Figure<Double> missedPer1000Planned, Figure<Double> shortPercent,
                          CountTable<CancellationRequester> cancellations, Figure<Double> plannedHours,
                          Figure<Double> deliveredHours) {

    public static RotaFigures of(RotaCounts r) {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("completed", r.completed());
        parts.put("missed", r.missed());
        CountTable<String> visits = Disclosure.table(parts, r.planned());
        Figure<Long> completed = visits.cell("completed");
        Figure<Long> missed = visits.cell("missed");
        return new RotaFigures(visits.total(), completed, missed, share(r.onTime(), r.completed(), completed),
                missedRate(r, visits.total(), missed), share(r.shortVisits(), r.completed(), completed),
                Disclosure.table(r.cancelledBy(), r.cancelled()), with(visits.total(), RotaCounts.hours(r.plannedMinutes())),
                with(completed, RotaCounts.hours(r.deliveredMinutes())));
    }

    private static Figure<Double> with(Figure<Long> count, double hours) {
        return count.shown() ? Figure.of(hours) : Figure.suppressed(count.suppressed());
    }

    /** {@code part} of {@code whole} in %: with the whole shown, it gives away the part and the rest. */
    private static Figure<Double> share(long part, long whole, Figure<Long> shownWhole) {
        if (whole == 0) {
            return null;
        }
        Figure<Long> p = Disclosure.count(part);
        Figure<Long> rest = Disclosure.count(whole - part);
        for (Figure<Long> needed : List.of(shownWhole, p, rest)) {
            if (!needed.shown()) {
                return Figure.suppressed(needed.suppressed());
            }
        }
        return Figure.of(RotaCounts.percent(part, whole));
    }

    private static Figure<Double> missedRate(RotaCounts r, Figure<Long> planned, Figure<Long> missed) {
        if (r.planned() == 0) {
            return null;
        }
        if (!planned.shown()) {
            return Figure.suppressed(planned.suppressed());
        }
        return missed.shown() ? Figure.of(RotaCounts.perThousand(r.missed(), r.planned()))
                : Figure.suppressed(missed.suppressed());
    }
}
