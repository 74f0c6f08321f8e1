package org.whatmatters.visits;

import java.time.Instant;
import org.whatmatters.domain.Location;

/** The body of {@code POST /visits/{visitId}/check-in}; {@code at} defaults to now. */
public record CheckIn(Instant at, String note, Location location) {
}
