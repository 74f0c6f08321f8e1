package org.whatmatters.setup;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.Relation;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.PlannedHoursStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.PlannedHoursHistory;
import org.whatmatters.domain.Team;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * Clients and their planned support hours. Every change is kept, so the change in planned hours
 * over any period can be computed later; changes are recorded as they take effect (never ahead),
 * so the client's current figure is always the latest change.
 */
@Singleton
public final class ClientService {

    static final double MAX_HOURS = 168;
    static final int REASON_MAX = 500;
    static final int BACKDATE_YEARS = 5;

    private final ClientStore clients;
    private final TeamStore teams;
    private final ClientRelations relations;
    private final PlannedHoursStore hours;
    private final Clock clock;

    @Inject
    public ClientService(ClientStore clients, TeamStore teams, ClientRelations relations, PlannedHoursStore hours,
                         Clock clock) {
        this.clients = clients;
        this.teams = teams;
        this.relations = relations;
        this.hours = hours;
        this.clock = clock;
    }

    public ClientView create(Caller caller, NewClient cmd) {
        SetupAccess.requireAdmin(caller, "add clients");
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        Checks.id(v, "teamId", cmd.teamId());
        Checks.text(v, "displayName", cmd.displayName(), Checks.NAME_MAX);
        hoursPerWeek(v, "plannedHoursPerWeek", cmd.plannedHoursPerWeek());
        LocalDate startsOn = cmd.startsOn() == null ? today : cmd.startsOn();
        notAhead(v, "startsOn", startsOn, today);
        Optional<Team> team = v.has("teamId") ? Optional.empty() : teams.find(cmd.teamId());
        if (!v.has("teamId") && team.isEmpty()) {
            v.add("teamId", "is not a team of this provider");
        }
        v.throwIfAny();

        Instant now = clock.instant();
        Client client = new Client("c-" + UUID.randomUUID(), cmd.teamId(), cmd.displayName().strip(),
                cmd.plannedHoursPerWeek(), now);
        PlannedHoursChange initial = new PlannedHoursChange(client.clientId(), client.teamId(), 1,
                client.plannedHoursPerWeek(), null, startsOn, "Initial plan", caller.sub(), now);
        hours.createClient(client, initial);
        return ClientView.of(client, team.get().name(), initial, Relation.PROVIDER_ADMIN);
    }

    public ClientView get(Caller caller, String clientId) {
        Client client = client(clientId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireRead(relation, "Client " + clientId);
        String teamName = teams.find(client.teamId()).map(Team::name).orElse(null);
        PlannedHoursChange current = relation == Relation.LINKED_FAMILY ? null
                : hours.history(clientId).latest().orElse(null);
        return ClientView.of(client, teamName, current, relation);
    }

    public PlannedHoursView.Change changeHours(Caller caller, String clientId, HoursChange cmd) {
        Client client = client(clientId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireRead(relation, "Client " + clientId);
        SetupAccess.requireAdmin(caller, "change a client's planned hours");

        LocalDate today = LocalDate.now(clock);
        PlannedHoursHistory history = hours.history(clientId);
        Violations v = new Violations();
        hoursPerWeek(v, "hoursPerWeek", cmd.hoursPerWeek());
        if (v.required("effectiveFrom", cmd.effectiveFrom())) {
            notAhead(v, "effectiveFrom", cmd.effectiveFrom(), today);
            history.latest().filter(l -> cmd.effectiveFrom().isBefore(l.effectiveFrom())).ifPresent(l ->
                    v.add("effectiveFrom", "must not be before the latest change, effective " + l.effectiveFrom()));
        }
        Checks.text(v, "reason", cmd.reason(), REASON_MAX);
        if (!v.has("hoursPerWeek") && cmd.hoursPerWeek() == client.plannedHoursPerWeek()) {
            v.add("hoursPerWeek", "is already the planned hours per week");
        }
        v.throwIfAny();

        PlannedHoursChange change = new PlannedHoursChange(clientId, client.teamId(),
                history.changes().size() + 1, cmd.hoursPerWeek(), client.plannedHoursPerWeek(), cmd.effectiveFrom(), cmd.reason().strip(),
                caller.sub(), clock.instant());
        if (!hours.change(client, change)) {
            throw ProblemException.conflict("Client " + clientId + "'s planned hours changed while you were saving;"
                    + " reload them and try again");
        }
        return PlannedHoursView.Change.of(change);
    }

    /** The history is the team's and the provider's working record: families do not see it. */
    public PlannedHoursView hoursHistory(Caller caller, String clientId) {
        Client client = client(clientId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireRead(relation, "Client " + clientId);
        if (relation == Relation.LINKED_FAMILY) {
            throw ProblemException.forbidden("Only the client's team and the provider admin see the planned-hours "
                    + "history");
        }
        return new PlannedHoursView(clientId, client.plannedHoursPerWeek(), hours.history(clientId).changes()
                .stream().map(PlannedHoursView.Change::of).toList());
    }

    private Relation relationTo(Caller caller, Client client) {
        return relations.to(caller, client).relation();
    }

    private Client client(String clientId) {
        if (!Checks.validId(clientId)) {
            throw ProblemException.notFound("Client " + clientId);
        }
        return clients.find(clientId).orElseThrow(() -> ProblemException.notFound("Client " + clientId));
    }

    private static void hoursPerWeek(Violations v, String field, Double value) {
        if (v.required(field, value)) {
            if (value.isNaN() || value.isInfinite()) {
                v.add(field, "must be a number");
            }
            v.range(field, value, 0, MAX_HOURS);
        }
    }

    private static void notAhead(Violations v, String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            v.add(field, "must not be in the future: record a change on or after the day it takes effect");
        } else if (day.isBefore(today.minusYears(BACKDATE_YEARS))) {
            v.add(field, "must be within " + BACKDATE_YEARS + " years of today");
        }
    }
}
