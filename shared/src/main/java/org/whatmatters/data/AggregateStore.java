package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads running aggregates: the counters only, as name to value. */
@Singleton
public final class AggregateStore {

    private final DataTable data;

    @Inject
    public AggregateStore(DataTable data) {
        this.data = data;
    }

    /** The counters of one aggregate; empty when nothing was counted yet. */
    public Map<String, Long> read(AggregateKey key) {
        Map<String, AttributeValue> item = data.client().getItem(g -> g.tableName(data.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(key.pk()), Keys.SK, AttributeValue.fromS(key.sk())))).item();
        return counters(item);
    }

    /** Every aggregate under one partition (e.g. a period's overall and per-team items), by sort key. */
    public Map<String, Map<String, Long>> readAll(String pk) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        data.client().queryPaginator(q -> q.tableName(data.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))
                .items().forEach(i -> out.put(i.get(Keys.SK).s(), counters(i)));
        return out;
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> out = new TreeMap<>();
        if (item == null) {
            return out;
        }
        item.forEach((k, v) -> {
            if (v.n() != null && !List.of(Keys.PK, Keys.SK).contains(k)) {
                out.put(k, Long.parseLong(v.n()));
            }
        });
        return out;
    }
}
