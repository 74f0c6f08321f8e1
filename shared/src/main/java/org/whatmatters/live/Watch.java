package org.whatmatters.live;

import java.time.Instant;
import org.whatmatters.auth.Relation;

/**
 * One client a connection watches, and the relation that allowed it when it was asked for. A
 * family member's link is checked again before every delivery, so a revoked link receives nothing.
 */
public record Watch(String connectionId, String clientId, String sub, Relation relation, Instant expiresAt) {
}
