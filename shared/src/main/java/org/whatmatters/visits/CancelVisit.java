package org.whatmatters.visits;

import java.time.Instant;
import org.whatmatters.domain.CancellationRequester;

/** The body of {@code POST /visits/{visitId}/cancel}; {@code askedAt}, when they asked, defaults to now. */
public record CancelVisit(CancellationRequester requestedBy, String reason, Instant askedAt) {
}
