package org.whatmatters.health;

import java.util.List;
import org.whatmatters.domain.HealthEvent;

/** One page of a client's health events, newest first; {@code nextCursor} is absent on the last page. */
public record HealthEventList(List<HealthEvent> healthEvents, String nextCursor) {
}
