package org.whatmatters.functions.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.access.Relation;
import org.whatmatters.json.Json;
import org.whatmatters.testing.People;

/** The sample events of events/streams, events/websocket/live and events/http/live through the real handlers. */
class SampleEventsTest {

    private final LiveTables t = new LiveTables();

    @AfterEach
    void close() {
        t.close();
    }

    /** Read as the Lambda runtime (and the local cloud) reads an event type it has no special serialiser for. */
    private static APIGatewayV2WebSocketEvent socketEvent(String name) throws IOException {
        try (InputStream in = SampleEventsTest.class.getResourceAsStream("/events/websocket/live/" + name + ".json")) {
            return JacksonFactory.getInstance().getSerializer(APIGatewayV2WebSocketEvent.class)
                    .fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCheckInOnTheStreamReachesTheFamilyAndItsFeed() {
        t.watching("maria-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        var result = new FanOutHandler(FanOutComponent.create(t.env())).handleRequest(
                EventLoader.loadDynamoDbEvent("events/streams/data-table/visit-started.json"), null);
        assertTrue(result.getBatchItemFailures().isEmpty());
        JsonNode told = Json.read(t.sockets.received.get("maria-1").getFirst(), JsonNode.class);
        assertEquals("visit.started", told.get("type").asText());
        assertEquals("2026-11-23T09:02:03.250Z", told.get("time").asText());
        assertEquals("Amara", told.at("/data/checkedInBy/displayName").asText());
        assertFalse(told.toString().contains("dressed"), "no working notes");

        var listed = new UpdatesApiHandler(UpdatesComponent.create(t.env())).handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/http/live/list-updates.json"), null);
        assertEquals(200, listed.getStatusCode(), listed.getBody());
        JsonNode updates = Json.read(listed.getBody(), JsonNode.class).get("updates");
        assertEquals(1, updates.size());
        assertEquals(told, updates.get(0), "the feed holds the very message that was pushed");
    }

    @Test
    void theSocketSamplesConnectWithoutAValidTokenIsRefusedAndPingIsAnswered() throws IOException {
        LiveSocketHandler handler = new LiveSocketHandler(LiveSocketComponent.create(t.env()));
        APIGatewayV2WebSocketEvent connect = socketEvent("connect");
        assertEquals("c-rosa", connect.getMultiValueQueryStringParameters().get("clientId").getFirst());
        assertEquals(401, handler.handleRequest(connect, null).getStatusCode(), "the sample's token is a placeholder");
        assertEquals(200, handler.handleRequest(socketEvent("ping"), null).getStatusCode());
        assertEquals("{\"type\":\"pong\"}", t.sockets.received.get("L0SM9cOFvHcCIhw=").getFirst());
    }
}
