package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.Shift;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@Singleton
public final class ShiftStore {

    static final TableSchema<Shift> SCHEMA = ItemSchema
            .item(Shift.class, "Shift", s -> Keys.shift(s.shiftId()), s -> "SHIFT")
            .index(Keys.GSI1, s -> Keys.teamShifts(s.teamId()), s -> Keys.time(s.start()) + "#" + s.shiftId())
            .attr("shiftId", String.class, Shift::shiftId)
            .attr("teamId", String.class, Shift::teamId)
            .attr("workerId", String.class, Shift::workerId)
            .attr("start", Instant.class, Shift::start)
            .attr("end", Instant.class, Shift::end)
            .attr("date", LocalDate.class, Shift::date)
            .attr("minutes", Long.class, Shift::minutes)
            .attr("createdAt", Instant.class, Shift::createdAt)
            .build(f -> new Shift(f.string("shiftId"), f.string("teamId"), f.string("workerId"), f.get("start"),
                    f.get("end"), f.get("date"), f.number("minutes"), f.get("createdAt")));

    private final DataTable data;
    private final DynamoDbIndex<Shift> byTeam;
    private final NewestFirst<Shift> listing;

    @Inject
    public ShiftStore(DataTable data) {
        this.data = data;
        DynamoDbTable<Shift> table = data.of(SCHEMA);
        this.byTeam = table.index(Keys.GSI1);
        this.listing = new NewestFirst<>(SCHEMA, byTeam, Keys.GSI1);
    }

    /**
     * The shift and what it adds to the running aggregates, all or nothing; false (nothing written)
     * when a shift with its id is already recorded.
     */
    public boolean create(Shift shift, List<Counters> counters) {
        Transaction tx = Transaction.on(data).create(SCHEMA, shift);
        counters.forEach(tx::add);
        try {
            tx.commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            if (e.index() == 0) {
                return false;
            }
            throw e;
        }
    }

    /** New shifts, many at once ({@link Transaction#createAll}); what they count is the caller's to add. */
    public void createAll(List<Shift> shifts) {
        Transaction.createAll(data, SCHEMA, shifts);
    }

    /** A worker's shifts of a team that start in [from, to): a team's shifts in a day are few. */
    public List<Shift> ofWorkerStarting(String teamId, String workerId, Instant from, Instant to) {
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(Keys.teamShifts(teamId)).sortValue(Keys.time(from)).build(),
                Key.builder().partitionValue(Keys.teamShifts(teamId)).sortValue(Keys.time(to)).build());
        return byTeam.query(r -> r.queryConditional(range)).stream().flatMap(p -> p.items().stream())
                .filter(s -> s.workerId().equals(workerId) && s.start().isBefore(to)).toList();
    }

    /** A team's shifts starting between two instants (inclusive, whole seconds), newest first. */
    public ItemPage<Shift> page(String teamId, Instant from, Instant to, int limit, String cursor) {
        return listing.page(Keys.teamShifts(teamId), Keys.time(from), Keys.time(to), limit, cursor);
    }
}
