package org.whatmatters.domain;

import java.time.Instant;

/**
 * An invitation for a family member to link to a client. Only the SHA-256 hash of the single-use
 * code is kept, so a leaked table cannot be used to accept it.
 */
public record FamilyInvite(String codeHash, String clientId, String teamId, String displayName, String relationship,
                           String email, String createdBy, Instant createdAt, Instant expiresAt, String usedBy,
                           Instant usedAt) {

    public boolean used() {
        return usedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public FamilyInvite usedBy(String sub, Instant at) {
        return new FamilyInvite(codeHash, clientId, teamId, displayName, relationship, email, createdBy, createdAt,
                expiresAt, sub, at);
    }
}
