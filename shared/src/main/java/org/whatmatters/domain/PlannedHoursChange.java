package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change to a client's planned support hours per week, from a date. {@code sequence} numbers a
 * client's changes in the order they were made (1 is the plan the client started with, whose
 * {@code previousHoursPerWeek} is null); effective dates never go backwards along it.
 */
public record PlannedHoursChange(String clientId, String teamId, int sequence, double hoursPerWeek,
                                 Double previousHoursPerWeek, LocalDate effectiveFrom, String reason,
                                 String recordedBy, Instant recordedAt) {
}
