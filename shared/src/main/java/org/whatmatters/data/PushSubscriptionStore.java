package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.whatmatters.domain.PushSubscription;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
    private final DataTable data;

    @Inject
    public PushSubscriptionStore(DataTable data) {
        this.table = data.of(SCHEMA);
        this.data = data;
    }

    /**
     * Keeps the subscription as this person's, and only theirs: a browser someone else subscribed before (a shared
     * tablet) stops getting their updates. Answers whose it was before, if anyone else's.
     */
    public java.util.Optional<String> put(PushSubscription subscription) {
        Key owner = ownerKey(subscription.subscriptionId());
        var before = data.client().getItem(r -> r.tableName(data.name()).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS(owner.partitionKeyValue().s()), Keys.SK, AttributeValue.fromS(OWNER))));
        String previous = before.hasItem() ? before.item().get("recipientId").s() : null;
        if (previous != null && !previous.equals(subscription.recipientId())) {
            table.deleteItem(key(previous, subscription.subscriptionId()));
        }
        table.putItem(subscription);
        data.client().putItem(r -> r.tableName(data.name()).item(Map.of(
                Keys.PK, AttributeValue.fromS(owner.partitionKeyValue().s()), Keys.SK, AttributeValue.fromS(OWNER),
                Keys.KIND, AttributeValue.fromS("PushEndpointOwner"),
                "recipientId", AttributeValue.fromS(subscription.recipientId()))));
        return java.util.Optional.ofNullable(previous).filter(p -> !p.equals(subscription.recipientId()));
    }

    private static final String OWNER = "OWNER";

    private static Key ownerKey(String subscriptionId) {
        return Key.builder().partitionValue(Keys.pushEndpoint(subscriptionId)).sortValue(OWNER).build();
    }

    private static Key key(String recipientId, String subscriptionId) {
        return Key.builder().partitionValue(Keys.notificationPreferences(recipientId))
                .sortValue(Keys.pushSubscription(subscriptionId)).build();
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
        boolean removed = table.deleteItem(key(recipientId, subscriptionId)) != null;
        if (removed) {
            try {
                data.client().deleteItem(r -> r.tableName(data.name()).key(Map.of(
                        Keys.PK, AttributeValue.fromS(Keys.pushEndpoint(subscriptionId)), Keys.SK, AttributeValue.fromS(OWNER)))
                        .conditionExpression("recipientId = :me")
                        .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(recipientId))));
            } catch (ConditionalCheckFailedException e) {
                // Subscribed by someone else since: theirs now.
            }
        }
        return removed;
    }
}
