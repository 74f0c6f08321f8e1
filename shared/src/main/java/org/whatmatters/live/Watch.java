package org.whatmatters.live;

import java.time.Instant;
import org.whatmatters.access.Relation;

/**
 * One client a connection watches, and the relation that allowed it when it was asked for. The
 * relation is checked again before every delivery (a family member's link, a worker's membership of
 * the client's team), so access ended a moment ago receives nothing; it ends with the connection's token.
 */
public record Watch(String connectionId, String clientId, String sub, Relation relation, Instant expiresAt) {
}
