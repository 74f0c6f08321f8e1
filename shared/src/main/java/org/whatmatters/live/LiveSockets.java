package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.access.Relation;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Caller;
import org.whatmatters.config.Env;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * The live socket: who may connect and watch which clients (as for reading their visits: linked
 * family, the client's team, the provider admin), subscribing to more, ping, and disconnect. A
 * connection lasts as long as the token it was opened with, and a person keeps at most
 * {@code CONNECTIONS_PER_PERSON} open: opening one more closes their oldest.
 */
@Singleton
public final class LiveSockets {

    /** API Gateway closes every connection after 2 hours; its items expire then too. */
    static final Duration LIFETIME = Duration.ofHours(2);
    static final int WATCH_MAX = 20;
    static final int PER_PERSON_DEFAULT = 10;

    private final ClientRelations relations;
    private final ConnectionStore connections;
    private final Affiliations affiliations;
    private final Poster poster;
    private final Clock clock;
    private final int perPerson;

    @Inject
    public LiveSockets(ClientRelations relations, ConnectionStore connections,
                       Affiliations affiliations, Poster poster, Clock clock, Env env) {
        this.relations = relations;
        this.connections = connections;
        this.affiliations = affiliations;
        this.poster = poster;
        this.clock = clock;
        this.perPerson = env.get("CONNECTIONS_PER_PERSON").filter(v -> !v.isBlank()).map(Integer::parseInt)
                .orElse(PER_PERSON_DEFAULT);
    }

    /**
     * Accepts the connection watching {@code clientIds} (may be none: subscribe later), until the token
     * expires at {@code tokenExpires}.
     *
     * @throws ProblemException 400 for bad ids; 401 for an expired token; 403 for a caller without a role or
     *                          asking to watch a client they may not (an unknown client looks the same)
     */
    public void connect(String connectionId, Caller caller, Instant tokenExpires, List<String> clientIds) {
        ClientAccess.requireSomeRole(caller);
        List<String> ids = validIds(clientIds);
        Instant now = clock.instant();
        if (!tokenExpires.isAfter(now)) {
            throw ProblemException.unauthorized("The token has expired");
        }
        Instant ends = tokenExpires.isBefore(now.plus(LIFETIME)) ? tokenExpires : now.plus(LIFETIME);
        Connection connection = Connection.of(connectionId, caller, now, ends);
        List<Watch> watching = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        sort(connection, caller, ids, watching, refused);
        if (!refused.isEmpty()) {
            throw ProblemException.forbidden("You may not watch " + refused);
        }
        closeOldest(caller.sub(), now);
        connections.open(connection, watching);
    }

    /** Makes room for one more of this person's connections: the oldest beyond the limit are closed. */
    private void closeOldest(String sub, Instant now) {
        List<Connection> open = connections.ofPerson(sub).stream().filter(c -> !c.expired(now)).toList();
        for (Connection c : open.subList(0, Math.max(0, open.size() - perPerson + 1))) {
            close(c.connectionId(), "more than " + perPerson + " connections");
        }
    }

    /**
     * Closes the connection at API Gateway and forgets it and its watches. False when API Gateway could
     * not close it: it is kept, for the sweep to try again (an expired one receives nothing meanwhile).
     */
    public boolean close(String connectionId, String why) {
        if (poster.close(connectionId) == Poster.Outcome.FAILED) {
            Log.warn("could not close a connection", "connectionId", connectionId, "why", why);
            return false;
        }
        Log.info("connection closed", "connectionId", connectionId, "why", why);
        connections.forget(connectionId);
        return true;
    }

    /** Watches more clients; the answer (subscribed, or an error naming the refused ids) goes back on the socket. */
    public void subscribe(String connectionId, String body) {
        Optional<Connection> connection = open(connectionId);
        if (connection.isEmpty()) {
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
        // Who the caller is now: a worker who left the team since connecting may not watch its clients.
        Caller now;
        try {
            now = affiliations.resolve(connection.get().claims());
        } catch (ProblemException e) {
            reply(connectionId, SocketReply.error(e.problem().status(), e.problem().detail(), null));
            return;
        }
        sort(connection.get(), now, ids, watching, refused);
        connections.watch(watching);
        if (!watching.isEmpty()) {
            reply(connectionId, SocketReply.subscribed(watching.stream().map(Watch::clientId).toList()));
        }
        if (!refused.isEmpty()) {
            // The same answer for an unknown client and someone else's: existence does not leak.
            reply(connectionId, SocketReply.error(404, "No client you may watch has these ids", refused));
        }
    }

    /** Keeps the connection from going idle; one whose token has expired is closed instead. */
    public void ping(String connectionId) {
        Optional<Connection> connection = connections.find(connectionId);
        if (connection.isPresent() && connection.get().expired(clock.instant())) {
            close(connectionId, "token expired");
            return;
        }
        reply(connectionId, SocketReply.pong());
    }

    /** The connection, if it is still open; one whose token has expired is closed here and now. */
    private Optional<Connection> open(String connectionId) {
        Optional<Connection> connection = connections.find(connectionId);
        if (connection.isEmpty()) {
            reply(connectionId, SocketReply.error(410, "This connection has ended; connect again", null));
        } else if (connection.get().expired(clock.instant())) {
            close(connectionId, "token expired");
            return Optional.empty();
        }
        return connection;
    }

    public void disconnect(String connectionId) {
        connections.forget(connectionId);
    }

    private void sort(Connection connection, Caller caller, List<String> ids, List<Watch> watching,
                      List<String> refused) {
        for (String id : ids) {
            Relation relation = relations.relation(caller, id);
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
