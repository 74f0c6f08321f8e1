package org.whatmatters.health;

import java.time.LocalDate;
import org.whatmatters.domain.HealthEventType;

/** The body of {@code POST /clients/{clientId}/health-events}. */
public record RecordHealthEvent(HealthEventType type, LocalDate date, String note) {
}
