package org.whatmatters.setup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.PlannedHoursChange;

/** A client's planned hours per week now, and every change to them, oldest first. */
public record PlannedHoursView(String clientId, double plannedHoursPerWeek, List<Change> changes) {

    public record Change(int sequence, double hoursPerWeek, Double previousHoursPerWeek, LocalDate effectiveFrom,
                         String reason, String recordedBy, Instant recordedAt) {

        static Change of(PlannedHoursChange c) {
            return new Change(c.sequence(), c.hoursPerWeek(), c.previousHoursPerWeek(), c.effectiveFrom(),
                    c.reason(), c.recordedBy(), c.recordedAt());
        }
    }
}
