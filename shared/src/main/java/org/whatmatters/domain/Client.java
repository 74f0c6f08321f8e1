package org.whatmatters.domain;

import java.time.Instant;

/** A person supported by a team, with the support planned for them each week. */
public record Client(String clientId, String teamId, String displayName, double plannedHoursPerWeek,
                     Instant createdAt) {
}
