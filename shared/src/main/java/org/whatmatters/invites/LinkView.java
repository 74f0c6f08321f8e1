package org.whatmatters.invites;

import java.time.Instant;
import org.whatmatters.domain.FamilyLink;

/** A family member's link to a client; {@code revokedAt} is set once access has ended. */
public record LinkView(String clientId, String clientName, String familySub, String displayName,
                       String relationship, Instant linkedAt, Instant revokedAt) {

    static LinkView of(FamilyLink l, String clientName) {
        return new LinkView(l.clientId(), clientName, l.familySub(), l.displayName(), l.relationship(), l.linkedAt(),
                l.revokedAt());
    }
}
