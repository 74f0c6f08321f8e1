package org.whatmatters.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.json.Json;

/**
 * One update for one person on one channel: the notifications queue's message. {@code data} is the live
 * update's family-visible data; {@code updateId} is the same for every delivery of the same change, which is
 * what makes the send happen once.
 */
public record Notification(String updateId, UpdateKind kind, Channel channel, String recipientId, String clientId,
                           Instant time, JsonNode data) {

    public String json() {
        return Json.write(this);
    }

    public static Notification read(String json) {
        return Json.read(json, Notification.class);
    }

    /** Unique per update, channel and person: the queue's deduplication and the held item's key. */
    public String key() {
        return updateId + "#" + channel + "#" + recipientId;
    }
}
