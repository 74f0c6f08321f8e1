package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.PlannedHoursHistory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A client's planned support hours and their history, written together so they always agree. */
@Singleton
public final class PlannedHoursStore {

    static final TableSchema<PlannedHoursChange> SCHEMA = ItemSchema
            .item(PlannedHoursChange.class, "PlannedHoursChange", c -> Keys.client(c.clientId()),
                    c -> Keys.plannedHours(c.sequence()))
            .index(Keys.GSI1, c -> Keys.teamPlannedHours(c.teamId()),
                    c -> c.effectiveFrom() + "#" + c.clientId() + "#" + c.sequence())
            .attr("clientId", String.class, PlannedHoursChange::clientId)
            .attr("teamId", String.class, PlannedHoursChange::teamId)
            .attr("sequence", Integer.class, PlannedHoursChange::sequence)
            .attr("hoursPerWeek", Double.class, PlannedHoursChange::hoursPerWeek)
            .attr("previousHoursPerWeek", Double.class, PlannedHoursChange::previousHoursPerWeek)
            .attr("effectiveFrom", LocalDate.class, PlannedHoursChange::effectiveFrom)
            .attr("reason", String.class, PlannedHoursChange::reason)
            .attr("recordedBy", String.class, PlannedHoursChange::recordedBy)
            .attr("recordedAt", Instant.class, PlannedHoursChange::recordedAt)
            .build(f -> new PlannedHoursChange(f.string("clientId"), f.string("teamId"), f.<Integer>get("sequence"),
                    f.decimal("hoursPerWeek"), f.get("previousHoursPerWeek"), f.get("effectiveFrom"),
                    f.string("reason"), f.string("recordedBy"), f.get("recordedAt")));

    private final DataTable data;
    private final DynamoDbTable<PlannedHoursChange> table;
    private final DynamoDbIndex<PlannedHoursChange> byTeam;

    @Inject
    public PlannedHoursStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.byTeam = table.index(Keys.GSI1);
    }

    /** A new client with the plan it starts with. */
    public void createClient(Client client, PlannedHoursChange initial) {
        Transaction.on(data).create(ClientStore.SCHEMA, client).create(SCHEMA, initial).commit();
    }

    /**
     * Records a change and makes it the client's current plan, if no other change took its place in
     * the history and the plan is still the one read; false when someone changed it meanwhile.
     */
    public boolean change(Client read, PlannedHoursChange change) {
        Client updated = new Client(read.clientId(), read.teamId(), read.displayName(), change.hoursPerWeek(),
                read.createdAt());
        try {
            Transaction.on(data).create(SCHEMA, change)
                    .put(ClientStore.SCHEMA, updated, Expression.builder()
                            .expression("#h = :h").putExpressionName("#h", "plannedHoursPerWeek")
                            .putExpressionValue(":h", AttributeValue.fromN(Double.toString(read.plannedHoursPerWeek())))
                            .build())
                    .commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    public PlannedHoursHistory history(String clientId) {
        Key prefix = Key.builder().partitionValue(Keys.client(clientId)).sortValue(Keys.PLANNED_HOURS).build();
        return new PlannedHoursHistory(table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix))
                .consistentRead(true)).stream().flatMap(p -> p.items().stream()).toList());
    }

    /** Every change to the plans of a team's clients effective on or before {@code until}, oldest first. */
    public List<PlannedHoursChange> ofTeam(String teamId, LocalDate until) {
        Key bound = Key.builder().partitionValue(Keys.teamPlannedHours(teamId)).sortValue(until + "$").build();
        return byTeam.query(r -> r.queryConditional(QueryConditional.sortLessThan(bound)))
                .stream().flatMap(p -> p.items().stream()).toList();
    }
}
