package org.whatmatters.functions.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.access.Relation;
import org.whatmatters.json.Json;
import org.whatmatters.live.Watch;
import org.whatmatters.testing.People;

/** The live socket's routes on DynamoDB Local, with tokens from a test issuer that serves its JWKS. */
class LiveSocketHandlerTest {

    private final LiveTables t = new LiveTables();
    private final LiveSocketHandler handler = new LiveSocketHandler(LiveSocketComponent.create(t.env()));

    @AfterEach
    void close() {
        t.close();
    }

    private static APIGatewayV2WebSocketEvent event(String route, String connectionId) {
        APIGatewayV2WebSocketEvent e = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext ctx = new APIGatewayV2WebSocketEvent.RequestContext();
        ctx.setRouteKey(route);
        ctx.setConnectionId(connectionId);
        ctx.setEventType(route.equals("$connect") ? "CONNECT" : route.equals("$disconnect") ? "DISCONNECT" : "MESSAGE");
        e.setRequestContext(ctx);
        return e;
    }

    private int connect(String connectionId, String token, List<String> clientIds) {
        APIGatewayV2WebSocketEvent e = event("$connect", connectionId);
        if (token != null) {
            e.setQueryStringParameters(Map.of("token", token));
        }
        if (!clientIds.isEmpty()) {
            e.setMultiValueQueryStringParameters(Map.of("clientId", clientIds));
        }
        return handler.handleRequest(e, null).getStatusCode();
    }

    private void send(String route, String connectionId, String body) {
        APIGatewayV2WebSocketEvent e = event(route, connectionId);
        e.setBody(body);
        assertEquals(200, handler.handleRequest(e, null).getStatusCode());
    }

    private List<String> watching(String connectionId) {
        return t.connections.watchers(People.ROSA, Instant.now()).stream().filter(w -> w.connectionId().equals(connectionId))
                .map(Watch::clientId).toList();
    }

    @Test
    void aLinkedFamilyMemberConnectsWatchingTheirClient() {
        assertEquals(200, connect("c1", t.issuer.idToken(People.MARIA), List.of("c-rosa")));
        assertEquals(List.of("c-rosa"), watching("c1"));
        var watch = t.connections.watchers(People.ROSA, Instant.now()).getFirst();
        assertEquals(Relation.LINKED_FAMILY, watch.relation());
        var connection = t.connections.find("c1").orElseThrow();
        assertEquals("f-maria", connection.sub());
        long minutes = Duration.between(Instant.now(), connection.expiresAt()).toMinutes();
        assertTrue(minutes >= 58 && minutes <= 60, "ends with the token (an hour), not API Gateway's 2 h: " + minutes);
    }

    @Test
    void badTokensAndOtherPeoplesClientsAreRefusedAndNothingIsKept() {
        var before = t.connectionItems();
        assertEquals(401, connect("c1", null, List.of("c-rosa")));
        assertEquals(401, connect("c2", "not-a-token", List.of("c-rosa")));
        assertEquals(401, connect("c3", t.issuer.sign(t.issuer.claims(People.MARIA, Duration.ofMinutes(-5))),
                List.of("c-rosa")));
        assertEquals(403, connect("c4", t.issuer.idToken(People.FORMER), List.of("c-rosa")), "revoked link");
        assertEquals(403, connect("c5", t.issuer.idToken(People.TOM), List.of("c-rosa")), "another family's client");
        assertEquals(403, connect("c6", t.issuer.idToken(People.CHLOE), List.of("c-rosa")), "another team's client");
        assertEquals(403, connect("c7", t.issuer.idToken(People.NOBODY), List.of()), "no role");
        assertEquals(400, connect("c8", t.issuer.idToken(People.MARIA), List.of("c-rosa,")), "an empty id");
        for (String id : List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8")) {
            assertTrue(t.connections.find(id).isEmpty(), id);
        }
        assertEquals(before, t.connectionItems(), "a refused connect keeps no item of any kind");
    }

    @Test
    void aRefusedSubscribeKeepsNothing() {
        assertEquals(200, connect("c1", t.issuer.idToken(People.TOM), List.of()));
        var before = t.connectionItems();
        send("subscribe", "c1", "{\"action\":\"subscribe\",\"clientIds\":[\"c-rosa\",\"c-nobody\"]}");
        send("subscribe", "c1", "{\"action\":\"subscribe\",\"clientIds\":[\"c#rosa\"]}");
        assertEquals(before, t.connectionItems(), "no watch for a client Tom may not see");
        assertEquals(List.of("error", "error"), t.sockets.types("c1"));
    }

    @Test
    void clientIdsMayRepeatOrBeACommaListAndTheAdminWatchesAnyClient() {
        assertEquals(200, connect("c1", t.issuer.idToken(People.PRIYA), List.of("c-rosa,c-arthur")));
        assertEquals(List.of("c-rosa"), watching("c1"));
        assertEquals(1, t.connections.watchers(People.ARTHUR, Instant.now()).size());
        assertEquals(200, connect("c2", t.issuer.idToken(People.AMARA), List.of("c-rosa", "c-rosa")));
        assertEquals(List.of("c-rosa"), watching("c2"));
    }

    @Test
    void subscribePingAndDisconnectAnswerOnTheSocket() {
        assertEquals(200, connect("c1", t.issuer.idToken(People.MARIA), List.of()));
        send("subscribe", "c1", "{\"action\":\"subscribe\",\"clientIds\":[\"c-rosa\",\"c-arthur\",\"c-nobody\"]}");
        send("ping", "c1", "{\"action\":\"ping\"}");
        send("subscribe", "c1", "{\"action\":\"subscribe\",\"clientIds\":7}");
        List<String> replies = t.sockets.received.get("c1");
        assertEquals(4, replies.size(), replies.toString());
        JsonNode subscribed = Json.read(replies.get(0), JsonNode.class);
        assertEquals("subscribed", subscribed.get("type").asText());
        assertEquals("[\"c-rosa\"]", subscribed.get("clientIds").toString());
        JsonNode refused = Json.read(replies.get(1), JsonNode.class);
        assertEquals("error", refused.get("type").asText());
        assertEquals(404, refused.get("status").asInt());
        assertEquals("[\"c-arthur\",\"c-nobody\"]", refused.get("clientIds").toString(), "unknown and others' alike");
        assertEquals("{\"type\":\"pong\"}", replies.get(2));
        assertEquals(400, Json.read(replies.get(3), JsonNode.class).get("status").asInt());
        assertEquals(List.of("c-rosa"), watching("c1"));

        send("$disconnect", "c1", null);
        assertTrue(t.connections.find("c1").isEmpty());
        assertEquals(List.of(), watching("c1"));
    }
}
