package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.whatmatters.data.Cursor;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.ItemSchema;
import org.whatmatters.data.Keys;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Each client's feed of live updates (PK FEED#client, SK time#id), kept {@link #KEPT}. An entry is
 * written before any family is told, and its key comes from the change alone, so a retried change
 * finds its entry instead of adding another; the entry also remembers who was already told.
 */
@Singleton
public final class FeedStore {

    static final Duration KEPT = Duration.ofDays(30);
    private static final String DELIVERED_AT = "deliveredAt";
    private static final String DELIVERED_TO = "deliveredTo";
    private static final Set<String> CURSOR_KEYS = Set.of(Keys.PK, Keys.SK);

    static final TableSchema<FeedEntry> SCHEMA = ItemSchema
            .item(FeedEntry.class, "FeedEntry", e -> Keys.feed(e.clientId()), e -> Keys.feedEntry(e.time(), e.updateId()))
            .attr("clientId", String.class, FeedEntry::clientId)
            .attr("time", Instant.class, FeedEntry::time)
            .attr("updateId", String.class, FeedEntry::updateId)
            .attr("type", String.class, e -> e.type().toString())
            .attr("data", String.class, FeedEntry::data)
            .attr("audienceSub", String.class, FeedEntry::audienceSub)
            .attr("expiresAt", Long.class, e -> e.expiresAt().getEpochSecond())
            .build(f -> new FeedEntry(f.string("clientId"), f.get("time"), f.string("updateId"),
                    UpdateType.fromJson(f.string("type")), f.string("data"), f.string("audienceSub"),
                    Instant.ofEpochSecond(f.number("expiresAt"))));

    /** Whether an entry's update reached everyone it was for, and if not, which connections already have it. */
    public record Delivery(boolean done, Set<String> deliveredTo) {
        static final Delivery NONE = new Delivery(false, Set.of());
    }

    private final DataTable data;
    private final DynamoDbTable<FeedEntry> table;

    @Inject
    public FeedStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
    }

    /** Keeps the update in the client's feed; for an update kept before (a retry), what was delivered then. */
    public Delivery append(Effect.Publish update, Instant now) {
        Map<String, AttributeValue> item = SCHEMA.itemToMap(FeedEntry.of(update, now.plus(KEPT)), true);
        try {
            data.client().putItem(p -> p.tableName(data.name()).item(item).conditionExpression("attribute_not_exists(PK)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Delivery.NONE;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> held = e.hasItem() && !e.item().isEmpty() ? e.item()
                    : data.client().getItem(g -> g.tableName(data.name()).consistentRead(true).key(key(item))).item();
            AttributeValue to = held.get(DELIVERED_TO);
            return new Delivery(held.containsKey(DELIVERED_AT), to == null ? Set.of() : Set.copyOf(to.ss()));
        }
    }

    public void delivered(Effect.Publish update, Instant now) {
        data.client().updateItem(u -> u.tableName(data.name()).key(key(update))
                .updateExpression("SET #at = :now")
                .expressionAttributeNames(Map.of("#at", DELIVERED_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()))));
    }

    public void deliveredTo(Effect.Publish update, Set<String> connectionIds) {
        if (connectionIds.isEmpty()) {
            return;
        }
        data.client().updateItem(u -> u.tableName(data.name()).key(key(update))
                .updateExpression("ADD #to :ids")
                .expressionAttributeNames(Map.of("#to", DELIVERED_TO))
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(List.copyOf(connectionIds)))));
    }

    /**
     * The client's updates from {@code since} (inclusive), oldest first, that {@code viewerSub} may
     * read; {@code cursor} continues an earlier page of the same listing.
     */
    public ItemPage<LiveMessage> page(String clientId, Instant since, int limit, String cursor, String viewerSub) {
        String partition = Keys.feed(clientId);
        String from = Keys.millis(since);
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursor.decode(cursor, CURSOR_KEYS, Keys.PK, partition);
        if (start != null && start.get(Keys.SK).s().compareTo(from) < 0) {
            throw ProblemException.invalidField("cursor", "belongs to an earlier since");
        }
        Expression visible = Expression.builder().expression("attribute_not_exists(#aud) OR #aud = :me")
                .putExpressionName("#aud", "audienceSub").putExpressionValue(":me", AttributeValue.fromS(viewerSub))
                .build();
        QueryConditional range = QueryConditional.sortGreaterThanOrEqualTo(
                Key.builder().partitionValue(partition).sortValue(from).build());
        // One more than asked, so a cursor is given only when another page really exists. The filter
        // may leave a read short, so read on until enough are found or the feed ends.
        List<FeedEntry> found = new ArrayList<>();
        Map<String, AttributeValue> next = start;
        do {
            Map<String, AttributeValue> after = next;
            int want = limit + 1 - found.size();
            Page<FeedEntry> page = table.query(r -> r.queryConditional(range).filterExpression(visible)
                    .limit(want).exclusiveStartKey(after)).iterator().next();
            found.addAll(page.items());
            next = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (found.size() <= limit && next != null);
        List<LiveMessage> shown = found.stream().limit(limit).map(FeedEntry::message).toList();
        if (found.size() <= limit) {
            return new ItemPage<>(shown, null);
        }
        FeedEntry last = found.get(limit - 1);
        return new ItemPage<>(shown, Cursor.encode(Map.of(Keys.PK, AttributeValue.fromS(partition),
                Keys.SK, AttributeValue.fromS(Keys.feedEntry(last.time(), last.updateId())))));
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }

    private static Map<String, AttributeValue> key(Effect.Publish update) {
        LiveMessage m = update.message();
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.feed(m.clientId())),
                Keys.SK, AttributeValue.fromS(Keys.feedEntry(m.time(), m.id())));
    }
}
