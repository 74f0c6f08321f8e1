package org.whatmatters.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One DynamoDB transaction: records and the running aggregates they feed are written together or
 * not at all. A record created twice (a retry) fails its condition, so its counters count once.
 */
public final class Transaction {

    /** The most actions DynamoDB takes in one TransactWriteItems call. */
    public static final int MAX_ITEMS = 100;

    private final DataTable data;
    private final List<TransactWriteItem> actions = new ArrayList<>();

    private Transaction(DataTable data) {
        this.data = data;
    }

    /**
     * New items of one kind in transactions of up to {@link #MAX_ITEMS}, for imports and the demo:
     * each transaction all or nothing, none may exist already; their aggregates are the caller's.
     */
    public static <T> void createAll(DataTable data, TableSchema<T> schema, List<T> items) {
        for (int from = 0; from < items.size(); from += MAX_ITEMS) {
            Transaction tx = on(data);
            items.subList(from, Math.min(items.size(), from + MAX_ITEMS)).forEach(i -> tx.create(schema, i));
            tx.commit();
        }
    }

    public static Transaction on(DataTable data) {
        return new Transaction(data);
    }

    /** Thrown by {@link #commit()} when the condition of action {@code index} (0-based, in call order) failed. */
    public static final class ConditionFailed extends RuntimeException {
        private final int index;

        ConditionFailed(int index, Throwable cause) {
            super("condition of action " + index + " failed", cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** Puts the item only if no item with its key exists yet. */
    public <T> Transaction create(TableSchema<T> schema, T item) {
        return put(schema, item, Expression.builder().expression("attribute_not_exists(PK)").build());
    }

    /** Puts the item, if {@code condition} (may be null) holds for the item it replaces. */
    public <T> Transaction put(TableSchema<T> schema, T item, Expression condition) {
        Put.Builder put = Put.builder().tableName(data.name()).item(schema.itemToMap(item, true));
        if (condition != null) {
            put.conditionExpression(condition.expression());
            if (condition.expressionNames() != null && !condition.expressionNames().isEmpty()) {
                put.expressionAttributeNames(condition.expressionNames());
            }
            if (condition.expressionValues() != null && !condition.expressionValues().isEmpty()) {
                put.expressionAttributeValues(condition.expressionValues());
            }
        }
        actions.add(TransactWriteItem.builder().put(put.build()).build());
        return this;
    }

    /** Deletes the item with this key, which must exist. */
    public Transaction deleteExisting(String pk, String sk) {
        actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(data.name())
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                .conditionExpression("attribute_exists(PK)").build()).build());
        return this;
    }

    /** Adds to the counters of one aggregate item, creating it on first use. Empty deltas add nothing. */
    public Transaction add(Counters counters) {
        if (counters.deltas().isEmpty()) {
            return this;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var d : counters.deltas().entrySet()) {
            names.put("#c" + i, d.getKey());
            values.put(":c" + i, AttributeValue.fromN(Long.toString(d.getValue())));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        names.put("#kind", Keys.KIND);
        names.put("#at", "updatedAt");
        values.put(":kind", AttributeValue.fromS("Aggregate"));
        values.put(":at", AttributeValue.fromS(Instant.now().toString()));
        actions.add(TransactWriteItem.builder().update(Update.builder().tableName(data.name())
                .key(Map.of(Keys.PK, AttributeValue.fromS(counters.key().pk()),
                        Keys.SK, AttributeValue.fromS(counters.key().sk())))
                .updateExpression("SET #kind = :kind, #at = :at ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        return this;
    }

    public void commit() {
        if (actions.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                data.client().transactWriteItems(r -> r.transactItems(actions));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        throw new ConditionFailed(i, e);
                    }
                }
                // Writers sharing a hot aggregate item cancel each other in DynamoDB (not in DynamoDB Local,
                // which runs transactions one at a time), and the SDK does not retry that. Nothing was
                // written, so trying again is safe; create conditions still stop a double count.
                if (attempt >= CONFLICT_ATTEMPTS || reasons.stream().noneMatch(r -> "TransactionConflict".equals(r.code()))) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    static final int CONFLICT_ATTEMPTS = 6;

    private static void backOff(int attempt) {
        long ceiling = Math.min(400, 10L << attempt);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflicting transaction", e);
        }
    }
}
