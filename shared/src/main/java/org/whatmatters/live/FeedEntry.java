package org.whatmatters.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.whatmatters.json.Json;

/**
 * A live update kept in the client's feed for families who were offline. {@code data} is the
 * message's data as JSON text; {@code audienceSub}, when set, is the only person who may read it.
 */
public record FeedEntry(String clientId, Instant time, String updateId, UpdateType type, String data,
                        String audienceSub, Instant expiresAt) {

    public static FeedEntry of(Effect.Publish p, Instant expiresAt) {
        LiveMessage m = p.message();
        return new FeedEntry(m.clientId(), m.time(), m.id(), m.type(), Json.write(m.data()), p.audienceSub(), expiresAt);
    }

    public LiveMessage message() {
        return new LiveMessage(type, updateId, time, clientId, Json.read(data, JsonNode.class));
    }
}
