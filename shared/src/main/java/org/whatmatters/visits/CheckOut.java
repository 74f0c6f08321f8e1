package org.whatmatters.visits;

import java.time.Instant;

/** The body of {@code POST /visits/{visitId}/check-out}; {@code at} defaults to now. */
public record CheckOut(Instant at, String note, String whatMattered) {
}
