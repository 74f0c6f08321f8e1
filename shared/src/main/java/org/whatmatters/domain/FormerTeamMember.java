package org.whatmatters.domain;

import java.time.Instant;

/** A worker who has left a team: kept for turnover, and to show who was in the team when. */
public record FormerTeamMember(String teamId, String workerId, String displayName, Instant joinedAt, Instant leftAt,
                               String removedBy) {
}
