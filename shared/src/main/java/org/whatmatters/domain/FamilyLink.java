package org.whatmatters.domain;

import java.time.Instant;

/** A family member's access to one client; a revoked link grants nothing. */
public record FamilyLink(String clientId, String familySub, String displayName, String relationship,
                         Instant linkedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
