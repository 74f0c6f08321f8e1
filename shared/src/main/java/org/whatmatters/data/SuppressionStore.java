package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Suppression;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Addresses nothing more is sent to: bounced or complained e-mail, numbers that replied STOP. */
@Singleton
public final class SuppressionStore {

    private static final String SK = "SUPPRESSION";

    static final TableSchema<Suppression> SCHEMA = ItemSchema
            .item(Suppression.class, "Suppression", s -> Keys.suppression(s.channel().toString(), s.address()), s -> SK)
            .attr("channel", String.class, s -> s.channel().toString())
            .attr("address", String.class, Suppression::address)
            .attr("reason", String.class, s -> s.reason().name())
            .attr("at", Instant.class, Suppression::at)
            .build(f -> new Suppression(Channel.fromJson(f.string("channel")), f.string("address"),
                    Suppression.Reason.valueOf(f.string("reason")), f.get("at")));

    private final DynamoDbTable<Suppression> table;

    @Inject
    public SuppressionStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    public void put(Suppression suppression) {
        table.putItem(suppression);
    }

    public Optional<Suppression> find(Channel channel, String address) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(key(channel, address))));
    }

    /** A number verified again after STOP (the person asked for SMS anew) is written to again. */
    public void remove(Channel channel, String address) {
        table.deleteItem(key(channel, address));
    }

    private static Key key(Channel channel, String address) {
        return Key.builder().partitionValue(Keys.suppression(channel.toString(), address)).sortValue(SK).build();
    }
}
