package org.whatmatters.invites;

/** The body of {@code POST /invites/accept}. */
public record AcceptInvite(String code) {
}
