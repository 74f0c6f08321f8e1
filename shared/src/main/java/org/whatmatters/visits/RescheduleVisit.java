package org.whatmatters.visits;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /visits/{visitId}/reschedule}: new times and/or workers; what is left out stays. */
public record RescheduleVisit(Instant plannedStart, Instant plannedEnd, List<String> workerIds) {
}
