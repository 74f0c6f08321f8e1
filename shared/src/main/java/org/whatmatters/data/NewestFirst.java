package org.whatmatters.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A newest-first listing of one index partition whose sort keys start with a date or time, with the
 * opaque cursor paging the visits listing uses: a cursor only names a key of the same partition
 * and range it was issued for.
 */
final class NewestFirst<T> {

    private final TableSchema<T> schema;
    private final DynamoDbIndex<T> index;
    private final String indexName;
    private final Set<String> cursorKeys;

    NewestFirst(TableSchema<T> schema, DynamoDbIndex<T> index, String indexName) {
        this.schema = schema;
        this.index = index;
        this.indexName = indexName;
        this.cursorKeys = Set.of(Keys.PK, Keys.SK, indexName + "PK", indexName + "SK");
    }

    /** Items whose sort key starts between {@code low} and {@code high} (both inclusive prefixes). */
    ItemPage<T> page(String partition, String low, String high, int limit, String cursor) {
        String pkName = indexName + "PK";
        String skName = indexName + "SK";
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursor.decode(cursor, cursorKeys, pkName, partition);
        String upper = high + "~";
        if (start != null && (start.get(skName).s().compareTo(low) < 0 || start.get(skName).s().compareTo(upper) > 0)) {
            throw ProblemException.invalidField("cursor", "belongs to another from/to range");
        }
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(low).build(),
                Key.builder().partitionValue(partition).sortValue(upper).build());
        // One more than asked, so a cursor is given only when another page really exists.
        Page<T> page = index.query(r -> r.queryConditional(range).scanIndexForward(false)
                .limit(limit + 1).exclusiveStartKey(start)).iterator().next();
        List<T> items = page.items();
        if (items.size() <= limit) {
            return new ItemPage<>(items, null);
        }
        List<T> shown = items.subList(0, limit);
        return new ItemPage<>(shown, Cursor.encode(schema.itemToMap(shown.getLast(), List.copyOf(cursorKeys))));
    }
}
