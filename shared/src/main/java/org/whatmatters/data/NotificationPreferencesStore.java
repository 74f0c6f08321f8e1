package org.whatmatters.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.whatmatters.json.Json;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.QuietHours;
import org.whatmatters.domain.UpdateKind;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A family member's notification choices, one item per person they are linked to, all under one key. */
@Singleton
public final class NotificationPreferencesStore {

    private static final TypeReference<Map<UpdateKind, Set<Channel>>> CHANNELS = new TypeReference<>() {
    };

    static final TableSchema<NotificationPreferences> SCHEMA = ItemSchema
            .item(NotificationPreferences.class, "NotificationPreferences",
                    p -> Keys.notificationPreferences(p.recipientId()), p -> Keys.client(p.clientId()))
            .attr("recipientId", String.class, NotificationPreferences::recipientId)
            .attr("clientId", String.class, NotificationPreferences::clientId)
            .attr("channels", String.class, p -> Json.write(p.channels()))
            .attr("quietFrom", String.class, p -> p.quietHours().from().toString())
            .attr("quietUntil", String.class, p -> p.quietHours().until().toString())
            .attr("holdUntilMorning", Boolean.class, p -> p.quietHours().holdUntilMorning())
            .build(f -> new NotificationPreferences(f.string("recipientId"), f.string("clientId"),
                    channels(f.string("channels")), new QuietHours(LocalTime.parse(f.string("quietFrom")),
                    LocalTime.parse(f.string("quietUntil")), f.get("holdUntilMorning"))));

    private final DynamoDbTable<NotificationPreferences> table;

    @Inject
    public NotificationPreferencesStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    public void put(NotificationPreferences preferences) {
        table.putItem(preferences);
    }

    /** What this person chose for this client, or the defaults until they choose (read consistently). */
    public NotificationPreferences of(String recipientId, String clientId) {
        NotificationPreferences kept = table.getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.notificationPreferences(recipientId)).sortValue(Keys.client(clientId)).build())
                .consistentRead(true));
        return kept != null ? kept : NotificationPreferences.defaults(recipientId, clientId);
    }

    /** Every choice a person has saved, one per client. */
    public List<NotificationPreferences> ofRecipient(String recipientId) {
        return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                .partitionValue(Keys.notificationPreferences(recipientId)).build())).consistentRead(true))
                .items().stream().toList();
    }

    private static Map<UpdateKind, Set<Channel>> channels(String json) {
        try {
            return Json.MAPPER.readValue(json, CHANNELS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
