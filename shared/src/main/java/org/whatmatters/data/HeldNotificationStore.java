package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.HeldNotification;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Notifications quiet hours hold until the morning, under the day they are due, sorted by the instant: the
 * release reads today's (and yesterday's, for any left behind) due ones with one query each, never a scan.
 */
@Singleton
public final class HeldNotificationStore {

    static final TableSchema<HeldNotification> SCHEMA = ItemSchema
            .item(HeldNotification.class, "HeldNotification", h -> Keys.held(day(h)), h -> Keys.time(h.due()) + "#" + h.key())
            .attr("due", Instant.class, HeldNotification::due)
            .attr("heldKey", String.class, HeldNotification::key)
            .attr("message", String.class, HeldNotification::message)
            .attr("dueDay", String.class, h -> day(h).toString())
            // The release reads today's and yesterday's: anything older is stale news, gone with the TTL.
            .attr("expiresAt", Long.class, h -> h.due().plus(java.time.Duration.ofDays(2)).getEpochSecond())
            .build(f -> new HeldNotification(f.get("due"), f.string("heldKey"), f.string("message")));

    private final DynamoDbTable<HeldNotification> table;

    @Inject
    public HeldNotificationStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    public void hold(HeldNotification held) {
        table.putItem(held);
    }

    /** Those due by {@code now} on {@code day} (UTC days: the partition is only a bucket). */
    public List<HeldNotification> due(LocalDate day, Instant now) {
        Key upTo = Key.builder().partitionValue(Keys.held(day)).sortValue(Keys.time(now) + "#~").build();
        return table.query(r -> r.queryConditional(QueryConditional.sortLessThanOrEqualTo(upTo)).consistentRead(true))
                .items().stream().toList();
    }

    public void release(HeldNotification held) {
        table.deleteItem(held);
    }

    private static LocalDate day(HeldNotification h) {
        return LocalDate.ofInstant(h.due(), java.time.ZoneOffset.UTC);
    }
}
