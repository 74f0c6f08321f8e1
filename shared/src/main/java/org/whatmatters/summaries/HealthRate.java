package org.whatmatters.summaries;

import org.whatmatters.domain.HealthEventType;

public record HealthRate(HealthEventType type, long count, Double per1000ClientDays) {
}
