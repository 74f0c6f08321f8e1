package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import org.whatmatters.domain.Contact;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

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

    @Inject
    public ContactStore(DataTable data) {
        this.table = data.of(SCHEMA);
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
}
