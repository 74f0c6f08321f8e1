package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Delivery;
import org.whatmatters.domain.UpdateKind;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What was sent to whom: one item per update, channel and person, written before the send (the claim) so
 * the same update goes out once however often it is delivered. Kept {@link #KEPT} for the person's own record.
 */
@Singleton
public final class DeliveryStore {

    public static final Duration KEPT = Duration.ofDays(400);

    static final TableSchema<Delivery> SCHEMA = ItemSchema
            .item(Delivery.class, "Delivery", d -> Keys.deliveries(d.recipientId()),
                    d -> Keys.delivery(d.updateId(), d.channel().toString()))
            .attr("recipientId", String.class, Delivery::recipientId)
            .attr("updateId", String.class, Delivery::updateId)
            .attr("channel", String.class, d -> d.channel().toString())
            .attr("status", String.class, d -> d.status().name())
            .attr("clientId", String.class, Delivery::clientId)
            .attr("updateKind", String.class, d -> d.kind().toString())
            .attr("at", Instant.class, Delivery::at)
            .attr("detail", String.class, Delivery::detail)
            .attr("expiresAt", Long.class, d -> d.at().plus(KEPT).getEpochSecond())
            .build(f -> new Delivery(f.string("recipientId"), f.string("updateId"), Channel.fromJson(f.string("channel")),
                    Delivery.Status.valueOf(f.string("status")), f.string("clientId"),
                    UpdateKind.fromJson(f.string("updateKind")), f.get("at"), f.string("detail")));

    /** What a claim found. */
    public enum Claim { CLAIMED, ALREADY_SENT, IN_DOUBT }

    private final DynamoDbTable<Delivery> table;

    @Inject
    public DeliveryStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    /**
     * Claims the send: won when nothing was sent yet or the last attempt failed for certain. A claim still
     * SENDING is an attempt whose outcome is unknown (the sender stopped mid-send): it is not sent again.
     */
    public Claim claim(Delivery sending) {
        try {
            table.putItem(r -> r.item(sending).conditionExpression(Expression.builder()
                    .expression("attribute_not_exists(PK) OR #s = :failed")
                    .putExpressionName("#s", "status")
                    .putExpressionValue(":failed", AttributeValue.fromS(Delivery.Status.FAILED.name())).build()));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            return find(sending.recipientId(), sending.updateId(), sending.channel())
                    .filter(d -> d.status() == Delivery.Status.SENT).isPresent() ? Claim.ALREADY_SENT : Claim.IN_DOUBT;
        }
    }

    /** The outcome of a claimed send. */
    public void settle(Delivery claimed, Delivery.Status status, String detail, Instant at) {
        table.putItem(new Delivery(claimed.recipientId(), claimed.updateId(), claimed.channel(), status,
                claimed.clientId(), claimed.kind(), at, detail));
    }

    public Optional<Delivery> find(String recipientId, String updateId, Channel channel) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.deliveries(recipientId)).sortValue(Keys.delivery(updateId, channel.toString()))
                .build())));
    }

    /** Everything sent to one person (their own record). */
    public List<Delivery> of(String recipientId) {
        return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k
                .partitionValue(Keys.deliveries(recipientId)))).consistentRead(true)).items().stream().toList();
    }
}
