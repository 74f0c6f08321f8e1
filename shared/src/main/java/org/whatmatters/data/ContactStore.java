package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.whatmatters.domain.Contact;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** How each family member is reached, one item beside their notification choices. */
@Singleton
public final class ContactStore {

    static final TableSchema<Contact> SCHEMA = ItemSchema
            .item(Contact.class, "Contact", c -> Keys.notificationPreferences(c.recipientId()), c -> Keys.CONTACT)
            .attr("recipientId", String.class, Contact::recipientId)
            .attr("email", String.class, Contact::email)
            .attr("phone", String.class, Contact::phone)
            .attr("phoneVerifiedAt", Instant.class, Contact::phoneVerifiedAt)
            .attr("pendingPhone", String.class, c -> c.pending() == null ? null : c.pending().phone())
            .attr("codeHash", String.class, c -> c.pending() == null ? null : c.pending().codeHash())
            .attr("codeExpiresAt", Instant.class, c -> c.pending() == null ? null : c.pending().expiresAt())
            .attr("codeAttempts", Integer.class, c -> c.pending() == null ? null : c.pending().attempts())
            .attr("codesDay", String.class, c -> c.codesDay() == null ? null : c.codesDay().toString())
            .attr("codesSent", Integer.class, Contact::codesSent)
            .build(f -> new Contact(f.string("recipientId"), f.string("email"), f.string("phone"),
                    f.get("phoneVerifiedAt"), f.string("pendingPhone") == null ? null : new Contact.PhoneCheck(
                    f.string("pendingPhone"), f.string("codeHash"), f.get("codeExpiresAt"), f.<Integer>get("codeAttempts")),
                    f.string("codesDay") == null ? null : LocalDate.parse(f.string("codesDay")),
                    f.<Integer>get("codesSent") == null ? 0 : f.<Integer>get("codesSent")));

    private final DynamoDbTable<Contact> table;
    private final DataTable data;

    @Inject
    public ContactStore(DataTable data) {
        this.table = data.of(SCHEMA);
        this.data = data;
    }

    /** Read consistently: a number just verified or removed counts at once. */
    public Contact of(String recipientId) {
        Contact kept = table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.notificationPreferences(recipientId)).sortValue(Keys.CONTACT).build()));
        return kept != null ? kept : Contact.none(recipientId);
    }

    public void put(Contact contact) {
        table.putItem(contact);
    }

    /**
     * Keeps the address the person's sign-in verified, changing nothing else of theirs: read first (most calls
     * find it unchanged and write nothing), then set in one update.
     */
    public void keepEmail(String recipientId, String email) {
        Contact kept = table.getItem(r -> r.key(Key.builder().partitionValue(Keys.notificationPreferences(recipientId))
                .sortValue(Keys.CONTACT).build()));
        if (kept != null && email.equalsIgnoreCase(String.valueOf(kept.email()))) {
            return;
        }
        update(recipientId, "SET email = :email, #k = :kind, recipientId = :id, codesSent = if_not_exists(codesSent, :zero)",
                "attribute_not_exists(email) OR email <> :email", Map.of(":email", AttributeValue.fromS(email),
                        ":kind", AttributeValue.fromS("Contact"), ":id", AttributeValue.fromS(recipientId),
                        ":zero", AttributeValue.fromN("0")));
    }

    /**
     * Counts one try at the waiting code, in one conditional write: false when no code is waiting for this
     * number, it expired, or its tries are used up. Parallel guesses cannot share a try. (The expiry is kept to
     * the second, so its text compares as its time.)
     */
    public boolean tryCode(String recipientId, String codeHash, int maxTries, Instant now) {
        return update(recipientId, "ADD codeAttempts :one",
                "codeHash = :hash AND codeAttempts < :max AND codeExpiresAt > :now", Map.of(
                        ":one", AttributeValue.fromN("1"), ":hash", AttributeValue.fromS(codeHash),
                        ":max", AttributeValue.fromN(Integer.toString(maxTries)), ":now", AttributeValue.fromS(
                                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())));
    }

    /** Counts one code sent today, in one conditional write: false when the day's codes are used up. */
    public boolean tryCountCode(String recipientId, LocalDate day, int maxPerDay) {
        if (update(recipientId, "ADD codesSent :one", "codesDay = :day AND codesSent < :max", Map.of(
                ":one", AttributeValue.fromN("1"), ":day", AttributeValue.fromS(day.toString()),
                ":max", AttributeValue.fromN(Integer.toString(maxPerDay))))) {
            return true;
        }
        // The first code of a day (or ever): the count starts again, unless another request just did so.
        return update(recipientId, "SET codesDay = :day, codesSent = :one, #k = :kind, recipientId = :id",
                "attribute_not_exists(codesDay) OR codesDay <> :day", Map.of(":one", AttributeValue.fromN("1"),
                        ":day", AttributeValue.fromS(day.toString()), ":kind", AttributeValue.fromS("Contact"),
                        ":id", AttributeValue.fromS(recipientId)));
    }

    private boolean update(String recipientId, String update, String condition, Map<String, AttributeValue> values) {
        try {
            data.client().updateItem(r -> r.tableName(data.name())
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.notificationPreferences(recipientId)),
                            Keys.SK, AttributeValue.fromS(Keys.CONTACT)))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(update.contains("#k") ? Map.of("#k", Keys.KIND) : null)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
