package org.whatmatters.setup;

import java.time.LocalDate;

/** The body of {@code PUT /clients/{clientId}/planned-hours}. */
public record HoursChange(Double hoursPerWeek, LocalDate effectiveFrom, String reason) {
}
