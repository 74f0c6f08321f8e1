package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.ClientAccess;
import org.whatmatters.auth.Relation;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.setup.Checks;

/**
 * The live socket: who may connect and watch which clients (as for reading their visits: linked
 * family, the client's team, the provider admin), subscribing to more, ping, and disconnect.
 */
@Singleton
public final class LiveSockets {

    /** API Gateway closes every connection after 2 hours; its items expire then too. */
    static final Duration LIFETIME = Duration.ofHours(2);
    static final int WATCH_MAX = 20;

    private final ClientStore clients;
    private final FamilyLinkStore links;
    private final ConnectionStore connections;
    private final Poster poster;
    private final Clock clock;

    @Inject
    public LiveSockets(ClientStore clients, FamilyLinkStore links, ConnectionStore connections, Poster poster,
                       Clock clock) {
        this.clients = clients;
        this.links = links;
        this.connections = connections;
        this.poster = poster;
        this.clock = clock;
    }

    /**
     * Accepts the connection watching {@code clientIds} (may be none: subscribe later).
     *
     * @throws ProblemException 400 for bad ids; 403 for a caller without a role or asking to watch a
     *                          client they may not (an unknown client looks the same)
     */
    public void connect(String connectionId, Caller caller, List<String> clientIds) {
        ClientAccess.requireSomeRole(caller);
        List<String> ids = validIds(clientIds);
        Instant now = clock.instant();
        Connection connection = Connection.of(connectionId, caller, now, now.plus(LIFETIME));
        List<Watch> watching = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        sort(connection, ids, watching, refused);
        if (!refused.isEmpty()) {
            throw ProblemException.forbidden("You may not watch " + refused);
        }
        connections.open(connection, watching);
    }

    /** Watches more clients; the answer (subscribed, or an error naming the refused ids) goes back on the socket. */
    public void subscribe(String connectionId, String body) {
        Optional<Connection> connection = connections.find(connectionId);
        if (connection.isEmpty()) {
            reply(connectionId, SocketReply.error(410, "This connection has ended; connect again", null));
            return;
        }
        List<String> ids;
        try {
            Subscribe s = Json.readBody(body, Subscribe.class);
            ids = validIds(s.clientIds());
            if (ids.isEmpty()) {
                throw ProblemException.invalidField("clientIds", "is required");
            }
        } catch (ProblemException e) {
            reply(connectionId, SocketReply.error(e.problem().status(), e.problem().detail(), null));
            return;
        }
        List<Watch> watching = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        sort(connection.get(), ids, watching, refused);
        connections.watch(watching);
        if (!watching.isEmpty()) {
            reply(connectionId, SocketReply.subscribed(watching.stream().map(Watch::clientId).toList()));
        }
        if (!refused.isEmpty()) {
            // The same answer for an unknown client and someone else's: existence does not leak.
            reply(connectionId, SocketReply.error(404, "No client you may watch has these ids", refused));
        }
    }

    public void ping(String connectionId) {
        reply(connectionId, SocketReply.pong());
    }

    public void disconnect(String connectionId) {
        connections.forget(connectionId);
    }

    private void sort(Connection connection, List<String> ids, List<Watch> watching, List<String> refused) {
        Caller caller = connection.caller();
        for (String id : ids) {
            Relation relation = clients.find(id).map(c -> ClientAccess.relation(caller, c,
                    caller.is(Role.FAMILY) ? links.find(id, caller.sub()) : Optional.empty())).orElse(Relation.NONE);
            if (relation == Relation.NONE) {
                refused.add(id);
            } else {
                watching.add(new Watch(connection.connectionId(), id, caller.sub(), relation, connection.expiresAt()));
            }
        }
    }

    private static List<String> validIds(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Violations v = new Violations();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Checks.id(v, "clientIds[" + i + "]", given.get(i));
            ids.add(given.get(i));
        }
        if (ids.size() > WATCH_MAX) {
            v.add("clientIds", "at most " + WATCH_MAX + " clients per connection");
        }
        v.throwIfAny();
        return List.copyOf(ids);
    }

    private void reply(String connectionId, SocketReply reply) {
        Poster.Outcome outcome = poster.post(connectionId, Json.write(reply));
        if (outcome == Poster.Outcome.GONE) {
            connections.forget(connectionId);
        } else if (outcome == Poster.Outcome.FAILED) {
            Log.warn("could not reply " + reply.type(), "connectionId", connectionId);
        }
    }
}
