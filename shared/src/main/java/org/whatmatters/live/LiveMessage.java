package org.whatmatters.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.whatmatters.json.Json;

/**
 * One update as a family receives it, live over the WebSocket and later from the feed:
 * {@code id} is the same for every delivery of the same change (clients drop ids they have seen),
 * {@code time} is when the change happened, {@code data} holds only what a family may see.
 */
public record LiveMessage(UpdateType type, String id, Instant time, String clientId, JsonNode data) {

    /** API Gateway's limit for one message posted to a connection. */
    public static final int MAX_BYTES = 128 * 1024;

    public String json() {
        String json = Json.write(this);
        if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return json;
        }
        // Never expected (every field is bounded); the client reads the rest from the feed or the API.
        return Json.write(new LiveMessage(type, id, time, clientId, Json.MAPPER.createObjectNode().put("truncated", true)));
    }
}
