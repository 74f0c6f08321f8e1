package org.whatmatters.setup;

import java.time.Instant;
import java.util.List;

/** A team with its members and the people it supports; {@code sizeAdvice} only when it is 12 or more. */
public record TeamView(String teamId, String name, Instant createdAt, int size, SizeAdvice sizeAdvice,
                       List<Member> members, List<ClientRef> clients) {

    public record Member(String workerId, String displayName, Instant joinedAt) {
    }

    public record ClientRef(String clientId, String displayName) {
    }
}
