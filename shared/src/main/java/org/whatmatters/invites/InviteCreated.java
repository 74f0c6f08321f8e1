package org.whatmatters.invites;

import java.time.Instant;

/** The invite just made. {@code code} is shown only in this answer: pass it on to the family member. */
public record InviteCreated(String code, String clientId, String displayName, String relationship, String email,
                            Instant expiresAt, String accept) {
}
