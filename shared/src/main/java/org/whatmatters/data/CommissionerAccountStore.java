package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.CommissionerAccount;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Commissioner accounts: under the organisation (PK COMMISSIONER#org, SK ACCOUNT#sub), and by person on GSI1. */
@Singleton
public final class CommissionerAccountStore {

    static final TableSchema<CommissionerAccount> SCHEMA = ItemSchema
            .item(CommissionerAccount.class, "CommissionerAccount", a -> Keys.commissioner(a.commissionerId()),
                    a -> Keys.account(a.sub()))
            .index(Keys.GSI1, a -> Keys.account(a.sub()), a -> Keys.commissioner(a.commissionerId()))
            .attr("commissionerId", String.class, CommissionerAccount::commissionerId)
            .attr("sub", String.class, CommissionerAccount::sub)
            .attr("displayName", String.class, CommissionerAccount::displayName)
            .attr("addedBy", String.class, CommissionerAccount::addedBy)
            .attr("addedAt", Instant.class, CommissionerAccount::addedAt)
            .build(f -> new CommissionerAccount(f.string("commissionerId"), f.string("sub"), f.string("displayName"),
                    f.string("addedBy"), f.get("addedAt")));

    private final DynamoDbTable<CommissionerAccount> table;

    @Inject
    public CommissionerAccountStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    /** Read strongly consistent: an account removed a moment ago grants nothing. */
    public Optional<CommissionerAccount> find(String commissionerId, String sub) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(key(commissionerId, sub))));
    }

    /** The organisations a person has an account at; from GSI1, so confirm with {@link #find} before trusting it. */
    public List<CommissionerAccount> ofPerson(String sub) {
        return table.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                k -> k.partitionValue(Keys.account(sub))))).stream().flatMap(p -> p.items().stream()).toList();
    }

    public List<CommissionerAccount> ofCommissioner(String commissionerId) {
        Key prefix = Key.builder().partitionValue(Keys.commissioner(commissionerId)).sortValue(Keys.account("")).build();
        return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true))
                .items().stream().toList();
    }

    /** False when the person already has an account at this organisation. */
    public boolean create(CommissionerAccount account) {
        try {
            table.putItem(r -> r.item(account).conditionExpression(Expression.builder()
                    .expression("attribute_not_exists(PK)").build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public void put(CommissionerAccount account) {
        table.putItem(account);
    }

    /** False when there was no such account. */
    public boolean remove(String commissionerId, String sub) {
        try {
            table.deleteItem(r -> r.key(key(commissionerId, sub)).conditionExpression(Expression.builder()
                    .expression("attribute_exists(PK)").build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Key key(String commissionerId, String sub) {
        return Key.builder().partitionValue(Keys.commissioner(commissionerId)).sortValue(Keys.account(sub)).build();
    }
}
