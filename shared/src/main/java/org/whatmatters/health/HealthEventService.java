package org.whatmatters.health;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.access.Relation;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.HealthEventStore;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.ListQuery;
import org.whatmatters.domain.HealthEvent;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;
import org.whatmatters.validation.RecordDates;

/** Health-service contacts of a client, recorded and read by the client's team. */
@Singleton
public final class HealthEventService {

    static final int NOTE_MAX = 500;

    private final ClientRelations relations;
    private final HealthEventStore events;
    private final ActivityCounters counters;
    private final Clock clock;

    @Inject
    public HealthEventService(ClientRelations relations, HealthEventStore events, ActivityCounters counters,
                              Clock clock) {
        this.relations = relations;
        this.events = events;
        this.counters = counters;
        this.clock = clock;
    }

    public HealthEvent record(Caller caller, String clientId, RecordHealthEvent cmd) {
        ClientRelations.Access access = relations.of(caller, clientId, "Client " + clientId);
        ClientAccess.requireTeamWorker(access.relation(), "Client " + clientId, "record health events");

        Violations v = new Violations();
        v.required("type", cmd.type());
        RecordDates.pastDay(v, "date", cmd.date(), LocalDate.now(clock));
        Checks.optionalText(v, "note", cmd.note(), NOTE_MAX);
        v.throwIfAny();

        HealthEvent event = new HealthEvent(UUID.randomUUID().toString(), clientId, access.client().teamId(),
                cmd.type(), cmd.date(), cmd.note(), caller.sub(), clock.instant());
        events.create(event, counters.count(event.teamId(), event.date(), b -> b
                .add(Counter.HEALTH_EVENTS, 1)
                .add(Counter.healthEvents(event.type().toString()), 1)));
        return event;
    }

    public HealthEventList list(Caller caller, String clientId, ListQuery q) {
        ClientRelations.Access access = relations.of(caller, clientId, "Client " + clientId);
        ClientAccess.requireRead(access.relation(), "Client " + clientId);
        if (access.relation() == Relation.LINKED_FAMILY) {
            throw ProblemException.forbidden("Health events are for the client's team and the provider admin");
        }
        Violations v = new Violations();
        ListQuery.Days days = q.days(v);
        int size = q.size(v);
        v.throwIfAny();
        ItemPage<HealthEvent> page = events.page(clientId, days.from(), days.to(), size, q.cursor());
        return new HealthEventList(page.items(), page.nextCursor());
    }
}
