package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Counts SMS against a limit in one conditional write: a person's messages per day, the stack's message parts
 * per month (the spend limit). A count that would pass the limit is refused and nothing is counted.
 */
@Singleton
public final class SmsCountStore {

    private static final String SK = "COUNT";

    private final DataTable data;

    @Inject
    public SmsCountStore(DataTable data) {
        this.data = data;
    }

    /** Adds {@code amount} to {@code scope}'s count if it stays within {@code limit}; false when it would not. */
    public boolean tryAdd(String scope, int amount, long limit, Instant expiresAt) {
        if (amount > limit) {
            return false;
        }
        try {
            data.client().updateItem(r -> r.tableName(data.name())
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.smsCount(scope)), Keys.SK, AttributeValue.fromS(SK)))
                    .updateExpression("ADD #n :amount SET #k = :kind, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(#n) OR #n <= :room")
                    .expressionAttributeNames(Map.of("#n", "count", "#k", Keys.KIND))
                    .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(Integer.toString(amount)),
                            ":room", AttributeValue.fromN(Long.toString(limit - amount)),
                            ":kind", AttributeValue.fromS("SmsCount"),
                            ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Gives back what {@link #tryAdd} counted for a message that was then not sent. */
    public void giveBack(String scope, int amount) {
        data.client().updateItem(r -> r.tableName(data.name())
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.smsCount(scope)), Keys.SK, AttributeValue.fromS(SK)))
                .updateExpression("ADD #n :minus").expressionAttributeNames(Map.of("#n", "count"))
                .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN(Integer.toString(-amount)))));
    }
}
