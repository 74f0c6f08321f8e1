package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.FamilyLink;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public final class FamilyLinkStore {

    static final TableSchema<FamilyLink> SCHEMA = ItemSchema
            .item(FamilyLink.class, "FamilyLink", l -> Keys.client(l.clientId()), l -> Keys.family(l.familySub()))
            .index(Keys.GSI1, l -> Keys.family(l.familySub()), l -> Keys.client(l.clientId()))
            .attr("clientId", String.class, FamilyLink::clientId)
            .attr("familySub", String.class, FamilyLink::familySub)
            .attr("displayName", String.class, FamilyLink::displayName)
            .attr("relationship", String.class, FamilyLink::relationship)
            .attr("linkedAt", Instant.class, FamilyLink::linkedAt)
            .attr("revokedAt", Instant.class, FamilyLink::revokedAt)
            .build(f -> new FamilyLink(f.string("clientId"), f.string("familySub"), f.string("displayName"),
                    f.string("relationship"), f.get("linkedAt"), f.get("revokedAt")));

    /**
     * A link that ended and was replaced by a new one for the same person: kept beside it (SK FAMILY#sub#linkedAt),
     * read with the client's links, never on its own; not a "FamilyLink" to the stream, and not in GSI1.
     */
    static final TableSchema<FamilyLink> PAST = ItemSchema
            .item(FamilyLink.class, "PastFamilyLink", l -> Keys.client(l.clientId()),
                    l -> Keys.pastFamilyLink(l.familySub(), l.linkedAt()))
            .attr("clientId", String.class, FamilyLink::clientId)
            .attr("familySub", String.class, FamilyLink::familySub)
            .attr("displayName", String.class, FamilyLink::displayName)
            .attr("relationship", String.class, FamilyLink::relationship)
            .attr("linkedAt", Instant.class, FamilyLink::linkedAt)
            .attr("revokedAt", Instant.class, FamilyLink::revokedAt)
            .build(f -> new FamilyLink(f.string("clientId"), f.string("familySub"), f.string("displayName"),
                    f.string("relationship"), f.get("linkedAt"), f.get("revokedAt")));

    private final DynamoDbTable<FamilyLink> table;

    @Inject
    public FamilyLinkStore(DataTable data) {
        this.table = data.of(SCHEMA);
    }

    /** Read strongly consistent: a revoked link must end access at once. */
    public Optional<FamilyLink> find(String clientId, String familySub) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.client(clientId)).sortValue(Keys.family(familySub)).build())));
    }

    public void put(FamilyLink link) {
        table.putItem(link);
    }

    /** Ends an active link; false when it was revoked since it was read. */
    public boolean revoke(FamilyLink active, Instant at) {
        FamilyLink revoked = new FamilyLink(active.clientId(), active.familySub(), active.displayName(),
                active.relationship(), active.linkedAt(), at);
        try {
            table.putItem(r -> r.item(revoked).conditionExpression(Expression.builder()
                    .expression("attribute_exists(PK) AND attribute_not_exists(revokedAt)").build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A client's links, revoked and past ones included (they show who had access from when until when). */
    public List<FamilyLink> ofClient(String clientId) {
        Key prefix = Key.builder().partitionValue(Keys.client(clientId)).sortValue(Keys.family("")).build();
        return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    /** A family member's links, revoked ones included; read from GSI1, so a link just made may lag. */
    public List<FamilyLink> ofFamily(String familySub) {
        return table.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k
                .partitionValue(Keys.family(familySub))))).stream().flatMap(p -> p.items().stream()).toList();
    }
}
