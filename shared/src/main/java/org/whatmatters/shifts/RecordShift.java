package org.whatmatters.shifts;

import java.time.Instant;

/** The body of {@code POST /teams/{teamId}/shifts}: the caller's own paid shift. */
public record RecordShift(Instant start, Instant end) {
}
