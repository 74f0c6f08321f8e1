package org.whatmatters.setup;

import java.time.Instant;

/** The answer to adding a member: the team's size now, flagged when a split is advised. */
public record MemberAdded(String teamId, String workerId, String displayName, Instant joinedAt, int size,
                          SizeAdvice sizeAdvice) {
}
