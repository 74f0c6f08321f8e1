package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@Singleton
public final class InvitationStore {

    static final TableSchema<Invitation> SCHEMA = ItemSchema
            .item(Invitation.class, "Invitation", i -> Keys.period(i.periodId()),
                    i -> Keys.invitation(i.respondentType().toString(), i.respondentId()))
            .index(Keys.GSI1, i -> Keys.respondent(i.respondentType().toString(), i.respondentId()),
                    i -> Keys.period(i.periodId()))
            .attr("periodId", String.class, Invitation::periodId)
            .attr("contractId", String.class, Invitation::contractId)
            .attr("respondentType", String.class, i -> i.respondentType().toString())
            .attr("respondentId", String.class, Invitation::respondentId)
            .attr("clientId", String.class, Invitation::clientId)
            .attr("teamId", String.class, Invitation::teamId)
            .attr("invitedBy", String.class, Invitation::invitedBy)
            .attr("invitedAt", Instant.class, Invitation::invitedAt)
            .build(f -> new Invitation(f.string("periodId"), f.string("contractId"),
                    RespondentType.fromJson(f.string("respondentType")), f.string("respondentId"),
                    f.string("clientId"), f.string("teamId"), f.string("invitedBy"), f.get("invitedAt")));

    private final DataTable data;
    private final DynamoDbTable<Invitation> table;

    @Inject
    public InvitationStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
    }

    public Optional<Invitation> find(String periodId, RespondentType type, String respondentId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.period(periodId)).sortValue(Keys.invitation(type.toString(), respondentId))
                .build())));
    }

    /**
     * Records the invitation and counts it in the period's and the team's aggregates, in one
     * transaction; false (and nothing counted) when the respondent was already invited.
     */
    public boolean invite(Invitation invitation) {
        Transaction tx = Transaction.on(data).create(SCHEMA, invitation);
        counted(invitation).forEach(tx::add);
        try {
            tx.commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /** New invitations, many at once ({@link Transaction#createAll}); what they count is the caller's to add. */
    public void createAll(List<Invitation> invitations) {
        Transaction.createAll(data, SCHEMA, invitations);
    }

    /** What one invitation adds: to its period's invitations, overall and for its team. */
    public static List<Counters> counted(Invitation invitation) {
        Counters counted = new Counters(AggregateKey.period(invitation.periodId()), Map.of(Counter.INVITATIONS, 1L));
        return List.of(counted, counted.at(AggregateKey.periodTeam(invitation.periodId(), invitation.teamId())));
    }

    public List<Invitation> ofPeriod(String periodId) {
        Key prefix = Key.builder().partitionValue(Keys.period(periodId)).sortValue(Keys.INVITATIONS).build();
        return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    /** Every period a respondent was invited to (GSI1). */
    public List<Invitation> ofRespondent(RespondentType type, String respondentId) {
        return table.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k
                .partitionValue(Keys.respondent(type.toString(), respondentId))))).stream()
                .flatMap(p -> p.items().stream()).toList();
    }
}
