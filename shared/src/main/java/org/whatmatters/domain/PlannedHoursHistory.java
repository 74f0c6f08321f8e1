package org.whatmatters.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A client's planned hours over time, from its changes. The change in planned support hours over a
 * period (a health-service reliance measure) is {@code hoursOn(end) - hoursOn(start)} summed over clients.
 */
public record PlannedHoursHistory(List<PlannedHoursChange> changes) {

    public PlannedHoursHistory {
        changes = changes.stream().sorted(Comparator.comparingInt(PlannedHoursChange::sequence)).toList();
    }

    /**
     * The hours in force on a day: 0 before the client's first plan, or, for a client whose first
     * recorded entry is a change (set up before the history was kept), the hours it changed from.
     */
    public double hoursOn(LocalDate day) {
        Double before = changes.isEmpty() ? null : changes.getFirst().previousHoursPerWeek();
        double hours = before == null ? 0 : before;
        for (PlannedHoursChange c : changes) {
            if (c.effectiveFrom().isAfter(day)) {
                break;
            }
            hours = c.hoursPerWeek();
        }
        return hours;
    }

    /** Hours per week on {@code to} minus hours per week on {@code from}: negative when support went down. */
    public double changeBetween(LocalDate from, LocalDate to) {
        return hoursOn(to) - hoursOn(from);
    }

    /** The change in force now: changes are recorded as they take effect, never ahead. */
    public Optional<PlannedHoursChange> latest() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.getLast());
    }
}
