package org.whatmatters.rota;

import java.time.LocalDate;

/** The body of {@code POST /schedules/{scheduleId}/end}: the last day with visits (inclusive). */
public record EndSchedule(LocalDate validTo) {
}
