package org.whatmatters.rota;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ScheduleStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Ids;

/**
 * A client's recurring schedules: created, changed and ended by the client's team or a provider admin. Every
 * write brings the schedule's visits in line at once; the daily run rolls them forward.
 */
@Singleton
public final class ScheduleService {

    private final ClientStore clients;
    private final TeamStore teams;
    private final ClientRelations relations;
    private final ScheduleStore schedules;
    private final VisitGeneration generation;
    private final Clock clock;

    @Inject
    public ScheduleService(ClientStore clients, TeamStore teams, ClientRelations relations, ScheduleStore schedules,
                           VisitGeneration generation, Clock clock) {
        this.clients = clients;
        this.teams = teams;
        this.relations = relations;
        this.schedules = schedules;
        this.generation = generation;
        this.clock = clock;
    }

    public ScheduleView create(Caller caller, String clientId, NewSchedule cmd) {
        ClientRelations.Access access = relations.of(caller, clientId, "Client " + clientId);
        Client client = access.client();
        ClientAccess.requireTeamOrAdmin(access.relation(), "Client " + clientId,
                "set up this client's schedules");
        Map<String, String> team = members(client.teamId());
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        List<ScheduleEntry> entries = ScheduleRules.entries(v, cmd.entries(), team);
        ScheduleRules.location(v, cmd.location());
        ScheduleRules.validity(v, cmd.validFrom(), cmd.validTo(), today, null);
        v.throwIfAny();

        CareSchedule schedule = new CareSchedule("s-" + UUID.randomUUID(), client.clientId(), client.teamId(),
                entries, cmd.validFrom(), cmd.validTo(), cmd.location(), caller.sub(), clock.instant(), 1);
        refuseClash(schedule, team);
        if (!schedules.create(schedule)) {
            throw ProblemException.conflict("Schedule " + schedule.scheduleId() + " already exists");
        }
        return ScheduleView.of(schedule, ScheduleView.names(team), generation.roll(schedule));
    }

    public ScheduleView change(Caller caller, String scheduleId, ChangeSchedule cmd) {
        Owned o = owned(caller, scheduleId, "change a schedule");
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        List<ScheduleEntry> entries = ScheduleRules.entries(v, cmd.entries(), o.team());
        ScheduleRules.location(v, cmd.location());
        ScheduleRules.validity(v, cmd.validFrom(), cmd.validTo(), today, o.schedule().validFrom());
        v.required("version", cmd.version());
        v.throwIfAny();

        CareSchedule read = o.schedule();
        if (read.version() != cmd.version()) {
            throw stale(read);
        }
        CareSchedule updated = new CareSchedule(read.scheduleId(), read.clientId(), read.teamId(), entries,
                cmd.validFrom(), cmd.validTo(), cmd.location(), read.createdBy(), read.createdAt(), read.version() + 1);
        refuseClash(updated, o.team());
        return save(updated, read, o.team());
    }

    public ScheduleView end(Caller caller, String scheduleId, EndSchedule cmd) {
        Owned o = owned(caller, scheduleId, "end a schedule");
        CareSchedule read = o.schedule();
        Violations v = new Violations();
        if (v.required("validTo", cmd.validTo())) {
            ScheduleRules.validity(v, read.validFrom(), cmd.validTo(), LocalDate.now(clock), read.validFrom());
            // Ending only shortens: a longer schedule could double-book someone, so it is a change (PUT), checked.
            if (read.validTo() != null && cmd.validTo().isAfter(read.validTo())) {
                v.add("validTo", "must not be after the schedule's last day " + read.validTo()
                        + "; to run it longer, change the schedule");
            }
        }
        v.throwIfAny();
        CareSchedule updated = new CareSchedule(read.scheduleId(), read.clientId(), read.teamId(), read.entries(),
                read.validFrom(), cmd.validTo(), read.location(), read.createdBy(), read.createdAt(),
                read.version() + 1);
        return save(updated, read, o.team());
    }

    public ScheduleView get(Caller caller, String scheduleId) {
        Owned o = owned(caller, scheduleId, "read a schedule");
        return ScheduleView.of(o.schedule(), ScheduleView.names(o.team()), null);
    }

    public ScheduleList list(Caller caller, String clientId) {
        ClientRelations.Access access = relations.of(caller, clientId, "Client " + clientId);
        Client client = access.client();
        ClientAccess.requireTeamOrAdmin(access.relation(), "Client " + clientId,
                "read this client's schedules");
        var names = ScheduleView.names(members(client.teamId()));
        return new ScheduleList(schedules.ofClient(client.clientId()).stream()
                .map(s -> ScheduleView.of(s, names, null)).toList());
    }

    private record Owned(CareSchedule schedule, Client client, Map<String, String> team) {
    }

    /** The schedule, if the caller may run the rota of its client; anyone else gets the 404 of an unknown id. */
    private Owned owned(Caller caller, String scheduleId, String action) {
        String what = "Schedule " + scheduleId;
        ClientAccess.requireSomeRole(caller);
        CareSchedule schedule = (Ids.valid(scheduleId) ? schedules.find(scheduleId) : Optional.<CareSchedule>empty())
                .orElseThrow(() -> ProblemException.notFound(what));
        Client client = clients.find(schedule.clientId()).orElseThrow(() -> ProblemException.notFound(what));
        ClientAccess.requireTeamOrAdmin(relations.to(caller, client).relation(), what, action);
        return new Owned(schedule, client, members(client.teamId()));
    }

    /** Ending never adds a clash, so only creating and changing are checked. */
    private ScheduleView save(CareSchedule updated, CareSchedule read, Map<String, String> team) {
        if (!schedules.replace(updated, read.version())) {
            throw stale(schedules.find(read.scheduleId()).orElse(read));
        }
        return ScheduleView.of(updated, ScheduleView.names(team), generation.roll(updated));
    }

    private static ProblemException stale(CareSchedule now) {
        return ProblemException.conflict("Schedule " + now.scheduleId() + " was changed by someone else; it is now at "
                + "version " + now.version() + ". Reload it and make your change again");
    }

    /** A 409 naming the worker, the weekday and times, and the other client's schedule they would clash with. */
    private void refuseClash(CareSchedule schedule, Map<String, String> team) {
        // A worker may belong to more than one team: their other teams' schedules count too.
        Set<String> teamIds = new TreeSet<>(Set.of(schedule.teamId()));
        schedule.entries().stream().flatMap(e -> e.preferredWorkers().stream()).distinct()
                .forEach(w -> teams.memberships(w).forEach(m -> teamIds.add(m.teamId())));
        List<CareSchedule> others = teamIds.stream().flatMap(t -> schedules.ofTeam(t).stream()).toList();
        Optional<Clashes.Clash> clash = Clashes.first(schedule, others);
        if (clash.isEmpty()) {
            return;
        }
        Clashes.Clash c = clash.get();
        CareSchedule other = c.other();
        // Another team's client is not the caller's to know by name.
        String where = other.scheduleId().equals(schedule.scheduleId()) ? "another line of this schedule"
                : !other.teamId().equals(schedule.teamId()) ? "a schedule of another team (" + other.scheduleId() + ")"
                : clients.find(other.clientId()).map(Client::displayName).orElse(other.clientId()) + "'s schedule "
                        + other.scheduleId();
        throw ProblemException.conflict(team.getOrDefault(c.workerId(), c.workerId()) + " (" + c.workerId()
                + ") would be booked twice: " + ScheduleRules.when(c.day(), c.line()) + " and "
                + ScheduleRules.when(c.otherDay(), c.otherLine()) + " on " + where
                + ". Choose other workers or times");
    }

    private Map<String, String> members(String teamId) {
        return teams.members(teamId).stream()
                .collect(Collectors.toMap(TeamMember::workerId, TeamMember::displayName));
    }
}
