package org.whatmatters.setup;

import java.time.Instant;

/** The answer to removing a member: when they joined and left, and the team's size now. */
public record MemberRemoved(String teamId, String workerId, String displayName, Instant joinedAt, Instant leftAt,
                            int size) {
}
