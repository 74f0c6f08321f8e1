package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.UnsubscribeLink;
import org.whatmatters.domain.UpdateKind;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** One-click unsubscribe tokens (random, unguessable): found in one read, gone with the table's TTL. */
@Singleton
public final class UnsubscribeLinkStore {

    private static final String SK = "UNSUBSCRIBE";

    static final TableSchema<UnsubscribeLink> SCHEMA = ItemSchema
            .item(UnsubscribeLink.class, "UnsubscribeLink", u -> Keys.unsubscribe(u.token()), u -> SK)
            .attr("token", String.class, UnsubscribeLink::token)
            .attr("recipientId", String.class, UnsubscribeLink::recipientId)
            .attr("clientId", String.class, UnsubscribeLink::clientId)
            .attr("updateKind", String.class, u -> u.kind().toString())
            .attr("channel", String.class, u -> u.channel().toString())
            .attr("expiresAt", Long.class, u -> u.expiresAt().getEpochSecond())
            .build(f -> new UnsubscribeLink(f.string("token"), f.string("recipientId"), f.string("clientId"),
                    UpdateKind.fromJson(f.string("updateKind")), Channel.fromJson(f.string("channel")),
                    java.time.Instant.ofEpochSecond(f.number("expiresAt"))));

    private final DynamoDbTable<UnsubscribeLink> table;

    @Inject
    public UnsubscribeLinkStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    public void put(UnsubscribeLink link) {
        table.putItem(link);
    }

    public Optional<UnsubscribeLink> find(String token) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(Keys.unsubscribe(token))
                .sortValue(SK).build())));
    }
}
