package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A client's recurring schedules: one item each, its weekly pattern lines kept inside it as documents. */
@Singleton
public final class ScheduleStore {

    static final TableSchema<ScheduleEntry> ENTRY = ItemSchema.document(ScheduleEntry.class)
            .attr("entryId", String.class, ScheduleEntry::entryId)
            .attr("days", EnhancedType.listOf(String.class),
                    e -> e.days().stream().sorted().map(DayOfWeek::name).toList())
            .attr("start", String.class, e -> e.start().toString())
            .attr("durationMinutes", Long.class, e -> e.duration().toMinutes())
            .attr("serviceType", String.class, e -> e.serviceType().toString())
            .attr("preferredWorkers", EnhancedType.listOf(String.class), ScheduleEntry::preferredWorkers)
            .build(f -> new ScheduleEntry(f.string("entryId"),
                    f.<String>list("days").stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                    LocalTime.parse(f.string("start")), Duration.ofMinutes(f.number("durationMinutes")),
                    ServiceType.fromJson(f.string("serviceType")), f.list("preferredWorkers")));

    static final TableSchema<CareSchedule> SCHEMA = ItemSchema
            .item(CareSchedule.class, "CareSchedule", s -> Keys.schedule(s.scheduleId()), s -> Keys.SCHEDULE)
            .index(Keys.GSI1, s -> Keys.clientSchedules(s.clientId()), ScheduleStore::byStart)
            .index(Keys.GSI2, s -> Keys.teamSchedules(s.teamId()), ScheduleStore::byStart)
            .index(Keys.GSI3, s -> Keys.SCHEDULES_IN_FORCE, ScheduleStore::byEnd)
            .attr("scheduleId", String.class, CareSchedule::scheduleId)
            .attr("clientId", String.class, CareSchedule::clientId)
            .attr("teamId", String.class, CareSchedule::teamId)
            .attr("entries", EnhancedType.listOf(EnhancedType.documentOf(ScheduleEntry.class, ENTRY)),
                    CareSchedule::entries)
            .attr("validFrom", LocalDate.class, CareSchedule::validFrom)
            .attr("validTo", LocalDate.class, CareSchedule::validTo)
            .attr("location", EnhancedType.documentOf(Location.class, VisitStore.LOCATION), CareSchedule::location)
            .attr("createdBy", String.class, CareSchedule::createdBy)
            .attr("createdAt", Instant.class, CareSchedule::createdAt)
            .attr("version", Long.class, CareSchedule::version)
            .build(f -> new CareSchedule(f.string("scheduleId"), f.string("clientId"), f.string("teamId"),
                    f.list("entries"), f.get("validFrom"), f.get("validTo"), f.get("location"),
                    f.string("createdBy"), f.get("createdAt"), f.number("version")));

    private final DataTable data;
    private final DynamoDbTable<CareSchedule> table;
    private final DynamoDbIndex<CareSchedule> byClient;
    private final DynamoDbIndex<CareSchedule> byTeam;
    private final DynamoDbIndex<CareSchedule> byEnd;

    @Inject
    public ScheduleStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.byClient = table.index(Keys.GSI1);
        this.byTeam = table.index(Keys.GSI2);
        this.byEnd = table.index(Keys.GSI3);
    }

    public Optional<CareSchedule> find(String scheduleId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.schedule(scheduleId)).sortValue(Keys.SCHEDULE).build())));
    }

    /** A new schedule; false when one with its id exists already. */
    public boolean create(CareSchedule schedule) {
        try {
            Transaction.on(data).create(SCHEMA, schedule).commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /** Replaces a schedule only if it is still at the version it was read at; false (nothing written) if not. */
    public boolean replace(CareSchedule updated, long readVersion) {
        try {
            Transaction.on(data).put(SCHEMA, updated, Expression.builder().expression("#v = :v")
                    .putExpressionName("#v", "version")
                    .putExpressionValue(":v", AttributeValue.fromN(Long.toString(readVersion))).build()).commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /** A client's schedules, oldest start first. */
    public List<CareSchedule> ofClient(String clientId) {
        return all(byClient, Keys.clientSchedules(clientId), null);
    }

    /** A team's schedules, oldest start first: what a worker's other commitments are read from. */
    public List<CareSchedule> ofTeam(String teamId) {
        return all(byTeam, Keys.teamSchedules(teamId), null);
    }

    /** The schedules whose last day is {@code today} or later, or that have none: what generation rolls forward. */
    public List<CareSchedule> inForce(LocalDate today) {
        return all(byEnd, Keys.SCHEDULES_IN_FORCE, today.toString());
    }

    private static List<CareSchedule> all(DynamoDbIndex<CareSchedule> index, String partition, String from) {
        Key.Builder key = Key.builder().partitionValue(partition);
        QueryConditional q = from == null ? QueryConditional.keyEqualTo(key.build())
                : QueryConditional.sortGreaterThanOrEqualTo(key.sortValue(from).build());
        List<CareSchedule> out = new ArrayList<>();
        index.query(r -> r.queryConditional(q)).forEach(p -> out.addAll(p.items()));
        return out;
    }

    private static String byStart(CareSchedule s) {
        return s.validFrom() + "#" + s.scheduleId();
    }

    private static String byEnd(CareSchedule s) {
        return (s.validTo() == null ? Keys.OPEN_ENDED : s.validTo().toString()) + "#" + s.scheduleId();
    }
}
