package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.whatmatters.domain.FamilyInvite;
import org.whatmatters.domain.FamilyLink;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public final class FamilyInviteStore {

    /** {@code expiresAt} is the table's TTL attribute (epoch seconds); DynamoDB deletes expired invites lazily. */
    static final TableSchema<FamilyInvite> SCHEMA = ItemSchema
            .item(FamilyInvite.class, "FamilyInvite", i -> Keys.familyInvite(i.codeHash()), i -> "INVITE")
            .attr("codeHash", String.class, FamilyInvite::codeHash)
            .attr("clientId", String.class, FamilyInvite::clientId)
            .attr("teamId", String.class, FamilyInvite::teamId)
            .attr("displayName", String.class, FamilyInvite::displayName)
            .attr("relationship", String.class, FamilyInvite::relationship)
            .attr("email", String.class, FamilyInvite::email)
            .attr("createdBy", String.class, FamilyInvite::createdBy)
            .attr("createdAt", Instant.class, FamilyInvite::createdAt)
            .attr("expiresAt", Long.class, i -> i.expiresAt().getEpochSecond())
            .attr("usedBy", String.class, FamilyInvite::usedBy)
            .attr("usedAt", Instant.class, FamilyInvite::usedAt)
            .build(f -> new FamilyInvite(f.string("codeHash"), f.string("clientId"), f.string("teamId"),
                    f.string("displayName"), f.string("relationship"), f.string("email"), f.string("createdBy"),
                    f.get("createdAt"), Instant.ofEpochSecond(f.number("expiresAt")), f.string("usedBy"),
                    f.get("usedAt")));

    public enum Accepted { LINKED, ALREADY_LINKED, INVITE_SPENT }

    private final DataTable data;
    private final DynamoDbTable<FamilyInvite> table;

    @Inject
    public FamilyInviteStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
    }

    public void create(FamilyInvite invite) {
        table.putItem(r -> r.item(invite).conditionExpression(Expression.builder()
                .expression("attribute_not_exists(PK)").build()));
    }

    public Optional<FamilyInvite> find(String codeHash) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.familyInvite(codeHash)).sortValue("INVITE").build())));
    }

    /**
     * Links the family member and spends the invite in one transaction: two people racing with one
     * code, or a code expiring mid-request, cannot both link. A {@code revoked} link the new one
     * replaces is kept as a past link in the same transaction, so relinking never rewrites history.
     */
    public Accepted accept(FamilyInvite invite, FamilyLink link, Optional<FamilyLink> revoked, Instant now) {
        Expression replaceable = revoked.map(r -> Expression.builder()
                        .expression("attribute_exists(revokedAt) AND linkedAt = :linkedAt")
                        .putExpressionValue(":linkedAt", AttributeValue.fromS(r.linkedAt().toString())).build())
                .orElse(Expression.builder().expression("attribute_not_exists(PK)").build());
        Transaction tx = Transaction.on(data)
                .put(FamilyLinkStore.SCHEMA, link, replaceable)
                .put(SCHEMA, invite.usedBy(link.familySub(), now), Expression.builder()
                        .expression("attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now")
                        .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
                        .build());
        revoked.ifPresent(r -> tx.create(FamilyLinkStore.PAST, r));
        try {
            tx.commit();
            return Accepted.LINKED;
        } catch (Transaction.ConditionFailed e) {
            return e.index() == 0 ? Accepted.ALREADY_LINKED : e.index() == 1 ? Accepted.INVITE_SPENT : Accepted.ALREADY_LINKED;
        }
    }
}
