package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.whatmatters.domain.PushSubscription;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A family member's browsers and phones that take Web Push, under their PREFS# partition. */
@Singleton
public final class PushSubscriptionStore {

    static final TableSchema<PushSubscription> SCHEMA = ItemSchema
            .item(PushSubscription.class, "PushSubscription", s -> Keys.notificationPreferences(s.recipientId()),
                    s -> Keys.pushSubscription(s.subscriptionId()))
            .attr("recipientId", String.class, PushSubscription::recipientId)
            .attr("subscriptionId", String.class, PushSubscription::subscriptionId)
            .attr("endpoint", String.class, PushSubscription::endpoint)
            .attr("p256dh", String.class, PushSubscription::p256dh)
            .attr("auth", String.class, PushSubscription::auth)
            .attr("createdAt", Instant.class, PushSubscription::createdAt)
            .build(f -> new PushSubscription(f.string("recipientId"), f.string("subscriptionId"), f.string("endpoint"),
                    f.string("p256dh"), f.string("auth"), f.get("createdAt")));

    private final DynamoDbTable<PushSubscription> table;

    @Inject
    public PushSubscriptionStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    public void put(PushSubscription subscription) {
        table.putItem(subscription);
    }

    /** Oldest first. */
    public List<PushSubscription> of(String recipientId) {
        Key prefix = Key.builder().partitionValue(Keys.notificationPreferences(recipientId))
                .sortValue(Keys.pushSubscription("")).build();
        return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true))
                .items().stream().sorted(java.util.Comparator.comparing(PushSubscription::createdAt)).toList();
    }

    /** False when there was no such subscription of this person's. */
    public boolean remove(String recipientId, String subscriptionId) {
        return table.deleteItem(Key.builder().partitionValue(Keys.notificationPreferences(recipientId))
                .sortValue(Keys.pushSubscription(subscriptionId)).build()) != null;
    }
}
