package org.whatmatters.setup;

/** The body of {@code POST /teams/{teamId}/members}: the worker's identity subject and the name the team knows them by. */
public record NewMember(String workerId, String displayName) {
}
