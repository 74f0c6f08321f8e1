package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Paid time a worker spent on shift for a team: the denominator of the team's Magic Number.
 * {@code date} is the start's date in the provider's zone, the month it counts in.
 */
public record Shift(String shiftId, String teamId, String workerId, Instant start, Instant end, LocalDate date,
                   long minutes, Instant createdAt) {
}
