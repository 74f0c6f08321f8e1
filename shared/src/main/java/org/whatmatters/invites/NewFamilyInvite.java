package org.whatmatters.invites;

/** The body of {@code POST /clients/{clientId}/invites}: who is invited, and how they are related to the client. */
public record NewFamilyInvite(String displayName, String relationship, String email) {
}
