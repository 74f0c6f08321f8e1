package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A contact with health services (admission, A&E, fall, GP call-out), recorded by the team. */
public record HealthEvent(String eventId, String clientId, String teamId, HealthEventType type, LocalDate date,
                          String note, String recordedBy, Instant createdAt) {
}
