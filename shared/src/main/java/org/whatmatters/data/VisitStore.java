package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.ClientAddress;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public final class VisitStore {

    static final TableSchema<Location> LOCATION = ItemSchema.document(Location.class)
            .attr("address", String.class, Location::address)
            .attr("latitude", Double.class, Location::latitude)
            .attr("longitude", Double.class, Location::longitude)
            .build(f -> new Location(f.string("address"), f.get("latitude"), f.get("longitude")));

    static final TableSchema<Cancellation> CANCELLATION = ItemSchema.document(Cancellation.class)
            .attr("requestedBy", String.class, c -> c.requestedBy().name())
            .attr("reason", String.class, Cancellation::reason)
            .attr("askedAt", Instant.class, Cancellation::askedAt)
            .attr("recordedAt", Instant.class, Cancellation::recordedAt)
            .attr("recordedBy", String.class, Cancellation::recordedBy)
            .build(f -> new Cancellation(CancellationRequester.valueOf(f.string("requestedBy")), f.string("reason"),
                    f.get("askedAt"), f.get("recordedAt"), f.string("recordedBy")));

    static final TableSchema<Visit> SCHEMA = ItemSchema
            .item(Visit.class, "Visit", v -> Keys.visit(v.visitId()), v -> "VISIT")
            .index(Keys.GSI1, v -> Keys.clientVisits(v.clientId()), VisitStore::timelineKey)
            .index(Keys.GSI2, VisitStore::watchPartition, VisitStore::watchKey)
            .attr("visitId", String.class, Visit::visitId)
            .attr("clientId", String.class, Visit::clientId)
            .attr("teamId", String.class, Visit::teamId)
            .attr("serviceType", String.class, v -> v.serviceType().toString())
            .attr("serviceDate", LocalDate.class, Visit::serviceDate)
            .attr("plannedStart", Instant.class, Visit::plannedStart)
            .attr("plannedEnd", Instant.class, Visit::plannedEnd)
            .attr("workerIds", EnhancedType.listOf(String.class), Visit::workerIds)
            .attr("location", EnhancedType.documentOf(Location.class, LOCATION), Visit::location)
            .attr("status", String.class, v -> v.status().name())
            .attr("actualStart", Instant.class, Visit::actualStart)
            .attr("actualEnd", Instant.class, Visit::actualEnd)
            .attr("checkedInBy", String.class, Visit::checkedInBy)
            .attr("checkedOutBy", String.class, Visit::checkedOutBy)
            .attr("checkInNote", String.class, Visit::checkInNote)
            .attr("checkOutNote", String.class, Visit::checkOutNote)
            .attr("whatMattered", String.class, Visit::whatMattered)
            .attr("scheduleId", String.class, Visit::scheduleId)
            .attr("editedByHand", Boolean.class, v -> v.editedByHand() ? Boolean.TRUE : null)
            .attr("cancellation", EnhancedType.documentOf(Cancellation.class, CANCELLATION), Visit::cancellation)
            .attr("lateAt", Instant.class, Visit::lateAt)
            .attr("missedAt", Instant.class, Visit::missedAt)
            .attr("plannedBy", String.class, Visit::plannedBy)
            .attr("createdAt", Instant.class, Visit::createdAt)
            .attr("updatedAt", Instant.class, Visit::updatedAt)
            .attr("version", Long.class, Visit::version)
            .build(f -> new Visit(f.string("visitId"), f.string("clientId"), f.string("teamId"),
                    ServiceType.fromJson(f.string("serviceType")), f.get("serviceDate"), f.get("plannedStart"),
                    f.get("plannedEnd"), f.list("workerIds"), f.get("location"),
                    VisitStatus.valueOf(f.string("status")), f.get("actualStart"), f.get("actualEnd"),
                    f.string("checkedInBy"), f.string("checkedOutBy"), f.string("checkInNote"),
                    f.string("checkOutNote"), f.string("whatMattered"), f.string("scheduleId"),
                    Boolean.TRUE.equals(f.get("editedByHand")), f.get("cancellation"), f.get("lateAt"),
                    f.get("missedAt"), f.string("plannedBy"), f.get("createdAt"),
                    f.get("updatedAt"), f.number("version")));

    private static final Set<String> CURSOR_KEYS = Set.of(Keys.PK, Keys.SK, "GSI1PK", "GSI1SK");

    private final DataTable data;
    private final DynamoDbTable<Visit> table;
    private final DynamoDbIndex<Visit> timeline;
    private final DynamoDbIndex<Visit> watch;

    @Inject
    public VisitStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.timeline = table.index(Keys.GSI1);
        this.watch = table.index(Keys.GSI2);
    }

    public record VisitPage(List<Visit> visits, String nextCursor) {
    }

    public Optional<Visit> find(String visitId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.visit(visitId)).sortValue("VISIT").build())));
    }

    public void create(Visit visit) {
        create(visit, List.of());
    }

    /**
     * Creates a visit together with what it adds to the aggregates (one already completed, e.g. imported),
     * and keeps its address among the client's known addresses, which redaction takes out of shared stories.
     */
    public void create(Visit visit, List<Counters> counters) {
        Transaction tx = Transaction.on(data).create(SCHEMA, visit);
        counters.forEach(tx::add);
        address(visit).ifPresent(a -> tx.put(ClientStore.ADDRESS, a, null));
        try {
            tx.commit();
        } catch (Transaction.ConditionFailed e) {
            throw ProblemException.conflict("Visit " + visit.visitId() + " already exists");
        }
    }

    /**
     * Creates many new visits (an import) in as few transactions as DynamoDB takes, each address kept
     * once per transaction; a visit that already exists fails its whole transaction with a conflict.
     */
    public void createAll(List<Visit> visits) {
        Transaction tx = Transaction.on(data);
        Set<ClientAddress> kept = new HashSet<>();
        int actions = 0;
        for (Visit visit : visits) {
            Optional<ClientAddress> address = address(visit).filter(a -> !kept.contains(a));
            if (actions + 1 + (address.isPresent() ? 1 : 0) > Transaction.MAX_ITEMS) {
                commitCreates(tx);
                tx = Transaction.on(data);
                kept.clear();
                actions = 0;
                address = address(visit);
            }
            tx.create(SCHEMA, visit);
            actions++;
            if (address.isPresent()) {
                tx.put(ClientStore.ADDRESS, address.get(), null);
                kept.add(address.get());
                actions++;
            }
        }
        if (actions > 0) {
            commitCreates(tx);
        }
    }

    private static void commitCreates(Transaction tx) {
        try {
            tx.commit();
        } catch (Transaction.ConditionFailed e) {
            throw ProblemException.conflict("A visit of the import already exists (action " + e.index() + ")");
        }
    }

    private static Optional<ClientAddress> address(Visit visit) {
        return Optional.ofNullable(visit.location()).map(Location::address).filter(a -> !a.isBlank())
                .map(a -> new ClientAddress(visit.clientId(), a.strip()));
    }

    /**
     * Replaces a visit only if nobody changed it since it was read, adding {@code counters} in the same
     * transaction; false (and nothing written) when someone changed it.
     */
    public boolean replace(Visit updated, Visit read, List<Counters> counters) {
        Transaction tx = Transaction.on(data).put(SCHEMA, updated, Expression.builder()
                .expression("#v = :v AND #s = :s")
                .putExpressionName("#v", "version").putExpressionName("#s", "status")
                .putExpressionValue(":v", AttributeValue.fromN(Long.toString(read.version())))
                .putExpressionValue(":s", AttributeValue.fromS(read.status().name()))
                .build());
        counters.forEach(tx::add);
        try {
            tx.commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /**
     * Creates a visit the rota generated, with its address; false when a visit with its id exists already (an
     * earlier run made it, or someone has since moved or cancelled it), which is no error: ids are deterministic.
     */
    public boolean createIfAbsent(Visit visit) {
        Transaction tx = Transaction.on(data).create(SCHEMA, visit);
        address(visit).ifPresent(a -> tx.put(ClientStore.ADDRESS, a, null));
        try {
            tx.commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /**
     * Creates the rota's new visits in as few transactions as DynamoDB takes (a fortnight of a busy schedule is
     * one or two calls, not a hundred); a transaction with a visit someone made meanwhile is retried visit by
     * visit, so the others are still created. Answers how many were created.
     */
    public int createAllIfAbsent(List<Visit> visits) {
        int created = 0;
        // One action per visit, and its address once per transaction.
        int chunk = Transaction.MAX_ITEMS / 2;
        for (int from = 0; from < visits.size(); from += chunk) {
            List<Visit> part = visits.subList(from, Math.min(visits.size(), from + chunk));
            Transaction tx = Transaction.on(data);
            Set<ClientAddress> kept = new HashSet<>();
            for (Visit visit : part) {
                tx.create(SCHEMA, visit);
                address(visit).filter(kept::add).ifPresent(a -> tx.put(ClientStore.ADDRESS, a, null));
            }
            try {
                tx.commit();
                created += part.size();
            } catch (Transaction.ConditionFailed e) {
                for (Visit visit : part) {
                    created += createIfAbsent(visit) ? 1 : 0;
                }
            }
        }
        return created;
    }

    /**
     * Deletes a generated visit the rota no longer means, only if it is still as read: planned, not moved by
     * hand, same version. False (nothing deleted) when someone got there first.
     */
    public boolean deleteIfUntouched(Visit read) {
        try {
            data.client().deleteItem(r -> r.tableName(data.name())
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.visit(read.visitId())),
                            Keys.SK, AttributeValue.fromS("VISIT")))
                    .conditionExpression("#v = :v AND #s = :planned AND attribute_not_exists(#h)")
                    .expressionAttributeNames(Map.of("#v", "version", "#s", "status", "#h", "editedByHand"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(read.version())),
                            ":planned", AttributeValue.fromS(VisitStatus.PLANNED.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** All of a client's visits generated from one schedule with a planned start between two instants, by start. */
    public List<Visit> ofSchedule(String clientId, String scheduleId, Instant from, Instant to) {
        QueryConditional range = range(clientId, from, to);
        Expression ofSchedule = Expression.builder().expression("#sid = :sid")
                .putExpressionName("#sid", "scheduleId")
                .putExpressionValue(":sid", AttributeValue.fromS(scheduleId)).build();
        List<Visit> out = new java.util.ArrayList<>();
        timeline.query(r -> r.queryConditional(range).filterExpression(ofSchedule)).forEach(p -> out.addAll(p.items()));
        return out;
    }

    /** All of a client's visits with a planned start between two instants (inclusive), oldest first. */
    public List<Visit> between(String clientId, Instant from, Instant to) {
        List<Visit> out = new java.util.ArrayList<>();
        timeline.query(r -> r.queryConditional(range(clientId, from, to))).forEach(p -> out.addAll(p.items()));
        return out;
    }

    private static QueryConditional range(String clientId, Instant from, Instant to) {
        String partition = Keys.clientVisits(clientId);
        return QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(Keys.time(from)).build(),
                Key.builder().partitionValue(partition).sortValue(Keys.time(to) + "~").build());
    }

    /** A client's visits by planned start, newest first, between two instants (inclusive). */
    public VisitPage page(String clientId, Instant from, Instant to, int limit, String cursor) {
        String partition = Keys.clientVisits(clientId);
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursor.decode(cursor, CURSOR_KEYS, "GSI1PK", partition);
        String low = Keys.time(from);
        String high = Keys.time(to) + "~";
        if (start != null && (start.get("GSI1SK").s().compareTo(low) < 0 || start.get("GSI1SK").s().compareTo(high) > 0)) {
            throw ProblemException.invalidField("cursor", "belongs to another from/to range");
        }
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(partition).sortValue(low).build(),
                Key.builder().partitionValue(partition).sortValue(high).build());
        // One more than asked, so a cursor is given only when another page really exists.
        Page<Visit> page = timeline.query(r -> r.queryConditional(range).scanIndexForward(false)
                .limit(limit + 1).exclusiveStartKey(start)).iterator().next();
        List<Visit> items = page.items();
        if (items.size() <= limit) {
            return new VisitPage(items, null);
        }
        List<Visit> shown = items.subList(0, limit);
        Visit last = shown.getLast();
        return new VisitPage(List.copyOf(shown), Cursor.encode(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.visit(last.visitId())),
                Keys.SK, AttributeValue.fromS("VISIT"),
                "GSI1PK", AttributeValue.fromS(partition),
                "GSI1SK", AttributeValue.fromS(timelineKey(last)))));
    }

    /**
     * The late check's sparse index: a visit nobody has checked in to sits under the day it is due to start
     * until it is flagged late, then under the day it is due to end until it is missed; started, missed and
     * cancelled visits leave it. So the check reads only what is overdue, however many visits a day holds.
     */
    private static String watchPartition(Visit v) {
        if (v.status() != VisitStatus.PLANNED) {
            return null;
        }
        return v.lateAt() == null ? Keys.dueToStart(LocalDate.ofInstant(v.plannedStart(), ZoneOffset.UTC))
                : Keys.dueToEnd(LocalDate.ofInstant(v.plannedEnd(), ZoneOffset.UTC));
    }

    private static String watchKey(Visit v) {
        if (v.status() != VisitStatus.PLANNED) {
            return null;
        }
        return Keys.time(v.lateAt() == null ? v.plannedStart() : v.plannedEnd()) + "#" + v.visitId();
    }

    /**
     * Visits not checked in whose planned start (or, once flagged late, planned end) is on {@code day} (UTC) and
     * not after {@code until}, oldest first: one query, never a scan.
     */
    public List<Visit> overdue(boolean flaggedLate, LocalDate day, Instant until) {
        String partition = flaggedLate ? Keys.dueToEnd(day) : Keys.dueToStart(day);
        QueryConditional due = QueryConditional.sortLessThanOrEqualTo(
                Key.builder().partitionValue(partition).sortValue(Keys.time(until) + "~").build());
        List<Visit> out = new java.util.ArrayList<>();
        watch.query(r -> r.queryConditional(due)).forEach(p -> out.addAll(p.items()));
        return out;
    }

    private static String timelineKey(Visit v) {
        return Keys.time(v.plannedStart()) + "#" + v.visitId();
    }
}
