package org.whatmatters.live;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;

/**
 * An open WebSocket connection and who opened it, from the token verified at $connect: later
 * messages on the connection carry no token, so this is how they know the caller.
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

    public Caller caller() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach(g -> Role.fromGroup(g).ifPresent(roles::add));
        return new Caller(sub, roles, providerId, teamId, null);
    }
}
