package org.whatmatters.summaries;

import org.whatmatters.domain.HealthEventType;

/** A health event type's count and rate as a commissioner sees them; no rate without client-days. */
public record HealthFigure(HealthEventType type, Figure<Long> count, Figure<Double> per1000ClientDays) {
}
