package org.whatmatters.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;

/**
 * An open WebSocket connection and who opened it, from the token verified at $connect: later
 * messages on the connection carry no token, so this is how they know the caller. It ends when the
 * token expires (or after API Gateway's 2 hours, if sooner): {@code expiresAt}.
 */
public record Connection(String connectionId, String sub, List<String> groups, String providerId, String teamId,
                         Instant connectedAt, Instant expiresAt) {

    public Connection {
        groups = List.copyOf(groups);
    }

    public static Connection of(String connectionId, Caller caller, Instant connectedAt, Instant expiresAt) {
        return new Connection(connectionId, caller.sub(), caller.roles().stream().map(Role::group).sorted().toList(),
                caller.providerId(), caller.teamId(), connectedAt, expiresAt);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The claims the connection was opened with, for {@link org.whatmatters.auth.Affiliations} to resolve
     * again: the team found at $connect is named, so it can only narrow what the data says now.
     */
    public Map<String, String> claims() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", sub);
        c.put(Caller.GROUPS, "[" + String.join(" ", groups) + "]");
        if (providerId != null) {
            c.put(Caller.PROVIDER_ID, providerId);
        }
        if (teamId != null) {
            c.put(Caller.TEAM_ID, teamId);
        }
        return c;
    }
}
