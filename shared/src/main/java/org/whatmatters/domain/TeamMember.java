package org.whatmatters.domain;

import java.time.Instant;

/** A worker in a team; {@code workerId} is the worker's identity subject. */
public record TeamMember(String teamId, String workerId, String displayName, Instant joinedAt) {
}
