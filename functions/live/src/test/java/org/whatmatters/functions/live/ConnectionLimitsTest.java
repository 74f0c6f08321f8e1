package org.whatmatters.functions.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.config.Env;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.ops.ScheduledRun;
import org.whatmatters.testing.People;

/**
 * What bounds a live connection: the token it was opened with (closed by the sweep when it expires, and
 * refused use before that), a number per person (the oldest closed first), the issuer's keys being
 * reachable (503 otherwise), and who the data says the caller is now.
 */
class ConnectionLimitsTest {

    private final LiveTables t = new LiveTables();

    @AfterEach
    void close() {
        t.close();
    }

    private Env env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>();
        for (String k : List.of("TABLE_NAME", "AWS_REGION", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "TIME_ZONE", "PROVIDER_ID", "CONNECTIONS_TABLE", "CONNECTIONS_URL", "JWT_ISSUER",
                "JWT_AUDIENCE")) {
            t.env().get(k).ifPresent(v -> env.put(k, v));
        }
        env.putAll(more);
        return Env.of(env);
    }

    private LiveSocketHandler sockets() {
        return new LiveSocketHandler(LiveSocketComponent.create(t.env()));
    }

    private ConnectionSweepHandler sweepAt(Clock clock) {
        return new ConnectionSweepHandler(ConnectionSweepComponent.create(t.env(), clock));
    }

    private static APIGatewayV2WebSocketEvent connect(String connectionId, String token, String... clientIds) {
        APIGatewayV2WebSocketEvent e = message("$connect", connectionId, null);
        e.setQueryStringParameters(Map.of("token", token));
        if (clientIds.length > 0) {
            e.setMultiValueQueryStringParameters(Map.of("clientId", List.of(clientIds)));
        }
        return e;
    }

    private static APIGatewayV2WebSocketEvent message(String route, String connectionId, String body) {
        APIGatewayV2WebSocketEvent e = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext ctx = new APIGatewayV2WebSocketEvent.RequestContext();
        ctx.setRouteKey(route);
        ctx.setConnectionId(connectionId);
        e.setRequestContext(ctx);
        e.setBody(body);
        return e;
    }

    private String token(Map<String, String> person, Duration lifetime) {
        return t.issuer.sign(t.issuer.claims(person, lifetime));
    }

    @Test
    void aConnectionEndsWithItsTokenAndTheSweepClosesIt() {
        LiveSocketHandler sockets = sockets();
        assertEquals(200, sockets.handleRequest(connect("short", token(People.MARIA, Duration.ofMinutes(5)), "c-rosa"),
                null).getStatusCode());
        assertEquals(200, sockets.handleRequest(connect("long", token(People.MARIA, Duration.ofMinutes(50)), "c-rosa"),
                null).getStatusCode());
        Instant shortEnds = t.connections.find("short").orElseThrow().expiresAt();
        assertTrue(Duration.between(Instant.now(), shortEnds).toSeconds() <= 300);

        // a minute before it expires the sweep leaves it; once expired it is closed and forgotten
        Clock before = Clock.fixed(shortEnds.minusSeconds(60), ZoneOffset.UTC);
        assertEquals(Map.of("closed", List.of()), sweepAt(before).handleRequest(Map.of(), null));
        Clock after = Clock.fixed(shortEnds.plusSeconds(1), ZoneOffset.UTC);
        assertEquals(Map.of("closed", List.of("short")), sweepAt(after).handleRequest(Map.of(), null));
        assertEquals(List.of("short"), t.sockets.closed);
        assertTrue(t.connections.find("short").isEmpty());
        assertEquals(List.of("long"), t.connections.watchers(People.ROSA, after.instant()).stream()
                .map(w -> w.connectionId()).toList());
    }

    @Test
    void aMessageOnAConnectionWhoseTokenExpiredClosesIt() {
        assertEquals(200, sockets().handleRequest(connect("c1", token(People.MARIA, Duration.ofMinutes(5)), "c-rosa"),
                null).getStatusCode());
        LiveSocketHandler later = new LiveSocketHandler(LiveSocketComponent.create(t.env(),
                Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC)));
        assertEquals(200, later.handleRequest(message("ping", "c1", "{\"action\":\"ping\"}"), null).getStatusCode());
        assertEquals(List.of("c1"), t.sockets.closed);
        assertFalse(t.sockets.received.containsKey("c1"), "no pong for an expired connection");
        assertTrue(t.connections.find("c1").isEmpty());
    }

    @Test
    void aPersonKeepsAtMostNConnectionsAndTheOldestIsClosedFirst() {
        LiveSocketHandler sockets = new LiveSocketHandler(LiveSocketComponent.create(env(Map.of(
                "CONNECTIONS_PER_PERSON", "2"))));
        for (String id : List.of("m1", "m2", "m3", "m4")) {
            assertEquals(200, sockets.handleRequest(connect(id, t.issuer.idToken(People.MARIA), "c-rosa"), null)
                    .getStatusCode());
            sleep();
        }
        assertEquals(List.of("m1", "m2"), t.sockets.closed);
        assertEquals(List.of("m3", "m4"), t.connections.ofPerson("f-maria").stream().map(c -> c.connectionId()).toList());
        // someone else's connections are not counted against Maria
        assertEquals(200, sockets.handleRequest(connect("t1", t.issuer.idToken(People.TOM), "c-arthur"), null)
                .getStatusCode());
        assertEquals(List.of("m1", "m2"), t.sockets.closed);
    }

    @Test
    void anIssuerWhoseKeysCannotBeFetchedRefusesTheHandshakeWith503() {
        String token = t.issuer.idToken(People.MARIA);
        t.issuer.close();
        LiveSocketHandler sockets = sockets();
        assertEquals(503, sockets.handleRequest(connect("c1", token, "c-rosa"), null).getStatusCode());
        assertEquals(503, sockets.handleRequest(connect("c2", token, "c-rosa"), null).getStatusCode(), "still, backing off");
        assertTrue(t.connections.find("c1").isEmpty());
    }

    @Test
    void aWorkersTeamComesFromTheDataNotTheToken() {
        LiveSocketHandler sockets = sockets();
        // Chloe (South) names North in her token: it narrows nothing she has, and gives her nothing new
        Map<String, String> chloeClaimsNorth = new HashMap<>(People.CHLOE);
        chloeClaimsNorth.put("custom:team_id", People.NORTH);
        assertEquals(403, sockets.handleRequest(connect("c1", t.issuer.idToken(chloeClaimsNorth), "c-rosa"), null)
                .getStatusCode());
        // a worker with no team claim at all is found in their team
        Map<String, String> amaraNoClaim = new HashMap<>(People.AMARA);
        amaraNoClaim.remove("custom:team_id");
        assertEquals(200, sockets.handleRequest(connect("c2", t.issuer.idToken(amaraNoClaim), "c-rosa"), null)
                .getStatusCode());
        // another provider's account is refused outright
        Map<String, String> elsewhere = new HashMap<>(People.MARIA);
        elsewhere.put("custom:provider_id", "p-elsewhere");
        assertEquals(403, sockets.handleRequest(connect("c3", t.issuer.idToken(elsewhere), "c-rosa"), null)
                .getStatusCode());
    }

    @Test
    void aWorkerRemovedFromTheTeamCannotSubscribeToItsClients() {
        LiveSocketHandler sockets = sockets();
        assertEquals(200, sockets.handleRequest(connect("a1", t.issuer.idToken(People.AMARA)), null).getStatusCode());
        TeamStore teams = new TeamStore(t.table.data());
        TeamMember amara = teams.member(People.NORTH, "w-amara").orElseThrow();
        assertTrue(teams.removeMember(amara, Instant.now(), "a-priya"));
        sockets.handleRequest(message("subscribe", "a1", "{\"action\":\"subscribe\",\"clientIds\":[\"c-rosa\"]}"), null);
        assertEquals(List.of("error"), t.sockets.types("a1"));
        assertTrue(t.connections.watchers(People.ROSA, Instant.now()).isEmpty());
    }

    @Test
    void aSweepThatCannotCloseOneConnectionClosesTheOthersAndFailsNamingIt() {
        LiveSocketHandler sockets = sockets();
        for (String id : List.of("x1", "x2", "x3")) {
            assertEquals(200, sockets.handleRequest(connect(id, token(People.MARIA, Duration.ofMinutes(2))), null)
                    .getStatusCode());
        }
        Clock after = Clock.fixed(Instant.now().plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        t.sockets.failing.add("x2");
        var failed = assertThrows(ScheduledRun.UnitsFailed.class,
                () -> sweepAt(after).handleRequest(Map.of(), null));
        assertEquals(List.of("x2"), failed.failed());
        assertEquals(List.of("x1", "x3"), t.sockets.closed);
        assertTrue(t.connections.find("x2").isPresent(), "kept, so the next run tries again");
        t.sockets.failing.remove("x2");
        assertEquals(Map.of("closed", List.of("x2")), sweepAt(after).handleRequest(Map.of(), null));
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
