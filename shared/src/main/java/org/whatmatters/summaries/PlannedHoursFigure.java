package org.whatmatters.summaries;

/**
 * Planned support hours per week on the first and last day of a window and the change between
 * them (negative when support went down), to one decimal. Shown only over at least
 * {@value Disclosure#MIN_RESPONDENTS} clients: over fewer, one person's plan could be worked out.
 */
public record PlannedHoursFigure(int clients, Figure<Double> atStart, Figure<Double> atEnd, Figure<Double> change) {

    public static PlannedHoursFigure of(ClientDays d) {
        return new PlannedHoursFigure(d.clients(), Disclosure.resting(Numbers.round(d.hoursPerWeekAtStart(), 1), d.clients()),
                Disclosure.resting(Numbers.round(d.hoursPerWeekAtEnd(), 1), d.clients()),
                Disclosure.resting(Numbers.round(d.hoursPerWeekAtEnd() - d.hoursPerWeekAtStart(), 1), d.clients()));
    }
}
