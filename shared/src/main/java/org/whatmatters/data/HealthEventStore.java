package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.HealthEvent;
import org.whatmatters.domain.HealthEventType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Singleton
public final class HealthEventStore {

    static final TableSchema<HealthEvent> SCHEMA = ItemSchema
            .item(HealthEvent.class, "HealthEvent", e -> Keys.healthEvent(e.eventId()), e -> "HEALTH")
            .index(Keys.GSI1, e -> Keys.clientHealthEvents(e.clientId()),
                    e -> e.date() + "#" + Keys.time(e.createdAt()) + "#" + e.eventId())
            .attr("eventId", String.class, HealthEvent::eventId)
            .attr("clientId", String.class, HealthEvent::clientId)
            .attr("teamId", String.class, HealthEvent::teamId)
            .attr("type", String.class, e -> e.type().toString())
            .attr("date", LocalDate.class, HealthEvent::date)
            .attr("note", String.class, HealthEvent::note)
            .attr("recordedBy", String.class, HealthEvent::recordedBy)
            .attr("createdAt", Instant.class, HealthEvent::createdAt)
            .build(f -> new HealthEvent(f.string("eventId"), f.string("clientId"), f.string("teamId"),
                    HealthEventType.fromJson(f.string("type")), f.get("date"), f.string("note"),
                    f.string("recordedBy"), f.get("createdAt")));

    private final DataTable data;
    private final NewestFirst<HealthEvent> byClient;

    @Inject
    public HealthEventStore(DataTable data) {
        this.data = data;
        DynamoDbTable<HealthEvent> table = data.of(SCHEMA);
        this.byClient = new NewestFirst<>(SCHEMA, table.index(Keys.GSI1), Keys.GSI1);
    }

    /** The event and what it adds to the running aggregates, all or nothing. */
    public void create(HealthEvent event, List<Counters> counters) {
        Transaction tx = Transaction.on(data).create(SCHEMA, event);
        counters.forEach(tx::add);
        tx.commit();
    }

    /** A client's events dated between two days (inclusive), newest first. */
    public ItemPage<HealthEvent> page(String clientId, LocalDate from, LocalDate to, int limit, String cursor) {
        return byClient.page(Keys.clientHealthEvents(clientId), from.toString(), to.toString(), limit, cursor);
    }
}
