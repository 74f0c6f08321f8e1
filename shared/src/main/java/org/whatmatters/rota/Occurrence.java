package org.whatmatters.rota;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One visit a schedule means on one day: its id depends only on the schedule, the pattern line and the day,
 * so generating again (a rerun, a later window) makes the very same visit, never a second one.
 */
public record Occurrence(String visitId, String scheduleId, String entryId, LocalDate day, Instant plannedStart,
                         Instant plannedEnd) {
}
