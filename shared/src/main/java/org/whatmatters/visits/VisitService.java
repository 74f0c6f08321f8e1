package org.whatmatters.visits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.data.Counters;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.Relation;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ListQuery;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.ops.Metric;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.data.ActivityCounters;

/** Planning visits, checking in and out, and reading them back, for whoever may. */
@Singleton
public final class VisitService {

    static final int NOTE_MAX = 500;
    static final int WHAT_MATTERED_MAX = 1000;
    static final int ADDRESS_MAX = 200;
    static final int WORKERS_MAX = 4;
    static final Duration LONGEST_VISIT = Duration.ofHours(12);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration CHECK_IN_WINDOW = Duration.ofHours(24);
    static final Duration PLANNING_HORIZON = Duration.ofDays(400);
    static final Duration CANCELLATION_RECORDED_WITHIN = Duration.ofHours(48);

    private final ClientStore clients;
    private final TeamStore teams;
    private final ClientRelations relations;
    private final VisitStore visits;
    private final ActivityCounters counters;
    private final VisitRules rules;
    private final Clock clock;

    @Inject
    public VisitService(ClientStore clients, TeamStore teams, ClientRelations relations, VisitStore visits,
                        ActivityCounters counters, VisitRules rules, Clock clock) {
        this.clients = clients;
        this.teams = teams;
        this.relations = relations;
        this.visits = visits;
        this.counters = counters;
        this.rules = rules;
        this.clock = clock;
    }

    public VisitView plan(Caller caller, String clientId, PlanVisit cmd) {
        Client client = client(clientId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireTeamWorker(relation, "Client " + clientId, "plan this client's visits");
        Map<String, TeamMember> team = members(client.teamId());

        Violations v = new Violations();
        v.required("serviceType", cmd.serviceType());
        times(v, cmd.plannedStart(), cmd.plannedEnd());
        if (v.required("workerIds", cmd.workerIds())) {
            workers(v, cmd.workerIds(), team);
        }
        if (v.required("location", cmd.location())) {
            location(v, "location", cmd.location());
        }
        v.throwIfAny();

        Instant now = clock.instant();
        Visit visit = Visit.planned(UUID.randomUUID().toString(), client.clientId(), client.teamId(),
                cmd.serviceType(), LocalDate.ofInstant(cmd.plannedStart(), clock.getZone()), cmd.plannedStart(),
                cmd.plannedEnd(), cmd.workerIds(), cmd.location(), null, caller.sub(), now);
        visits.create(visit);
        Metric.VISITS_PLANNED.add();
        return view(visit, relation, team);
    }

    public VisitView checkIn(Caller caller, String visitId, CheckIn cmd) {
        Visit visit = visit(visitId);
        Client client = client(visit.clientId(), "Visit " + visitId);
        Relation relation = relationTo(caller, client);
        requireAssigned(caller, visit, relation, "check in");

        Instant now = clock.instant();
        Instant at = cmd.at() == null ? now : cmd.at();
        Violations v = new Violations();
        notInFuture(v, "at", at, now);
        if (Duration.between(visit.plannedStart(), at).abs().compareTo(CHECK_IN_WINDOW) > 0) {
            v.add("at", "must be within " + CHECK_IN_WINDOW.toHours() + " hours of the planned start");
        }
        v.maxLength("note", cmd.note(), NOTE_MAX);
        if (cmd.location() != null) {
            location(v, "location", cmd.location());
        }
        v.throwIfAny();

        if (!visit.status().awaitingCheckIn()) {
            throw ProblemException.conflict("Visit " + visitId + " is already " + visit.status()
                    + (visit.status() == VisitStatus.CANCELLED ? "" : "; it can be checked in only once"));
        }
        Visit updated = visit.checkedIn(at, caller.sub(), cmd.note(), now);
        save(updated, visit);
        Metric.CHECK_INS.add();
        return view(updated, relation, members(client.teamId()));
    }

    public VisitView checkOut(Caller caller, String visitId, CheckOut cmd) {
        Visit visit = visit(visitId);
        Client client = client(visit.clientId(), "Visit " + visitId);
        Relation relation = relationTo(caller, client);
        requireAssigned(caller, visit, relation, "check out");

        Instant now = clock.instant();
        Instant at = cmd.at() == null ? now : cmd.at();
        Violations v = new Violations();
        notInFuture(v, "at", at, now);
        v.maxLength("note", cmd.note(), NOTE_MAX);
        v.maxLength("whatMattered", cmd.whatMattered(), WHAT_MATTERED_MAX);
        v.throwIfAny();

        switch (visit.status()) {
            case PLANNED, MISSED -> throw ProblemException.conflict("Visit " + visitId + " has not been checked in yet");
            case COMPLETED -> throw ProblemException.conflict("Visit " + visitId + " is already checked out");
            case CANCELLED -> throw ProblemException.conflict("Visit " + visitId + " was cancelled");
            case IN_PROGRESS -> { }
        }
        if (!at.isAfter(visit.actualStart())) {
            throw ProblemException.invalidField("at", "must be after the check-in time " + visit.actualStart());
        }
        if (Duration.between(visit.actualStart(), at).compareTo(LONGEST_VISIT) > 0) {
            throw ProblemException.invalidField("at", "a visit lasts at most " + LONGEST_VISIT.toHours() + " hours");
        }
        Visit updated = visit.checkedOut(at, caller.sub(), cmd.note(), cmd.whatMattered(), now);
        // A visit marked missed that took place after all counts as late, not missed, once it ends.
        save(updated, visit, counters.count(updated.teamId(), updated.serviceDate(), b -> {
            VisitCounters.completed(updated, rules, b);
            if (updated.missedAt() != null) {
                VisitCounters.unmissed(updated, b);
            }
        }));
        Metric.CHECK_OUTS.add();
        return view(updated, relation, members(client.teamId()));
    }

    /** Cancels a visit not yet started, with who asked, why and when: counted by who asked. */
    public VisitView cancel(Caller caller, String visitId, CancelVisit cmd) {
        Visit visit = visit(visitId);
        Client client = client(visit.clientId(), "Visit " + visitId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireTeamOrAdmin(relation, "Visit " + visitId, "cancel a visit");

        Instant now = clock.instant();
        Instant asked = cmd.askedAt() == null ? now : cmd.askedAt();
        Violations v = new Violations();
        v.required("requestedBy", cmd.requestedBy());
        if (v.required("reason", cmd.reason())) {
            v.maxLength("reason", cmd.reason(), NOTE_MAX);
        }
        notInFuture(v, "askedAt", asked, now);
        if (asked.isBefore(visit.createdAt().minus(CLOCK_SKEW))) {
            v.add("askedAt", "must not be before the visit was planned (" + visit.createdAt() + ")");
        } else if (asked.isBefore(now.minus(CANCELLATION_RECORDED_WITHIN))) {
            v.add("askedAt", "must be within " + CANCELLATION_RECORDED_WITHIN.toHours()
                    + " hours before now: record a cancellation when it is asked for");
        }
        v.throwIfAny();

        requirePlanned(visit, "cancelled");
        // Once overdue, a visit is late, then missed, unless someone checks in: a cancellation must not hide it.
        if (visit.lateAt() != null || !now.isBefore(visit.plannedStart().plus(rules.lateAfter()))) {
            throw ProblemException.conflict("Visit " + visitId + " is overdue (planned for " + visit.plannedStart()
                    + "); it can no longer be cancelled. Check in if it takes place; otherwise it is marked missed");
        }
        Visit updated = visit.cancelled(new Cancellation(cmd.requestedBy(), cmd.reason().strip(), asked, now,
                caller.sub()), now);
        save(updated, visit, counters.count(visit.teamId(), visit.serviceDate(),
                b -> VisitCounters.cancelled(updated, b)));
        Metric.VISITS_CANCELLED.add();
        return view(updated, relation, members(client.teamId()));
    }

    /** New times and/or workers for a visit not yet started; the rota will not move it again. */
    public VisitView reschedule(Caller caller, String visitId, RescheduleVisit cmd) {
        Visit visit = visit(visitId);
        Client client = client(visit.clientId(), "Visit " + visitId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireTeamOrAdmin(relation, "Visit " + visitId, "move a visit");
        Map<String, TeamMember> team = members(client.teamId());

        Violations v = new Violations();
        if (cmd.plannedStart() == null && cmd.plannedEnd() == null && cmd.workerIds() == null) {
            v.add("plannedStart", "give new plannedStart and plannedEnd, or workerIds, or both");
        }
        if ((cmd.plannedStart() == null) != (cmd.plannedEnd() == null)) {
            v.add(cmd.plannedStart() == null ? "plannedStart" : "plannedEnd", "give both plannedStart and plannedEnd");
        }
        Instant start = cmd.plannedStart() == null ? visit.plannedStart() : cmd.plannedStart();
        Instant end = cmd.plannedEnd() == null ? visit.plannedEnd() : cmd.plannedEnd();
        if (cmd.plannedStart() != null && cmd.plannedEnd() != null) {
            times(v, start, end);
            if (!start.isAfter(clock.instant())) {
                v.add("plannedStart", "must be in the future: a visit is moved ahead of time");
            }
        }
        if (cmd.workerIds() != null && v.required("workerIds", cmd.workerIds())) {
            workers(v, cmd.workerIds(), team);
        }
        v.throwIfAny();

        requirePlanned(visit, "moved");
        Instant now = clock.instant();
        boolean newTimes = !start.equals(visit.plannedStart()) || !end.equals(visit.plannedEnd());
        // A visit already due keeps its time, so its lateness stays counted; its workers may still change.
        if (newTimes && (visit.lateAt() != null || !now.isBefore(visit.plannedStart()))) {
            throw ProblemException.conflict("Visit " + visitId + " was due at " + visit.plannedStart()
                    + "; its time can no longer change (its workers can). Check in if it takes place");
        }
        List<String> workers = cmd.workerIds() == null ? visit.workerIds() : cmd.workerIds();
        Visit updated = visit.rescheduled(LocalDate.ofInstant(start, clock.getZone()), start, end, workers, now);
        save(updated, visit);
        Metric.VISITS_CHANGED.add();
        return view(updated, relation, team);
    }

    private static void requirePlanned(Visit visit, String what) {
        if (visit.status() != VisitStatus.PLANNED) {
            throw ProblemException.conflict("Visit " + visit.visitId() + " is " + visit.status()
                    + "; only a planned visit not yet started can be " + what);
        }
    }

    public VisitView get(Caller caller, String visitId) {
        Visit visit = visit(visitId);
        Client client = client(visit.clientId(), "Visit " + visitId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireRead(relation, "Visit " + visitId);
        return view(visit, relation, members(client.teamId()));
    }

    public VisitList list(Caller caller, String clientId, ListQuery q) {
        Client client = client(clientId);
        Relation relation = relationTo(caller, client);
        ClientAccess.requireRead(relation, "Client " + clientId);

        Violations v = new Violations();
        ListQuery.Instants range = q.instants(v, clock.getZone());
        int limit = q.size(v);
        v.throwIfAny();

        VisitStore.VisitPage page = visits.page(clientId, range.from(), range.to(), limit, q.cursor());
        Map<String, TeamMember> team = members(client.teamId());
        return new VisitList(page.visits().stream().map(x -> view(x, relation, team)).toList(), page.nextCursor());
    }

    private Relation relationTo(Caller caller, Client client) {
        return relations.to(caller, client).relation();
    }

    private static void requireAssigned(Caller caller, Visit visit, Relation relation, String action) {
        ClientAccess.requireTeamWorker(relation, "Visit " + visit.visitId(), action);
        if (!visit.assigned(caller.sub())) {
            throw ProblemException.forbidden("Only a worker assigned to this visit may " + action);
        }
    }

    private void save(Visit updated, Visit read) {
        save(updated, read, List.of());
    }

    private void save(Visit updated, Visit read, List<Counters> counters) {
        if (!visits.replace(updated, read, counters)) {
            Visit now = visit(read.visitId());
            throw ProblemException.conflict("Visit " + read.visitId() + " changed while you were saving it; it is now "
                    + now.status() + ". Reload it and try again");
        }
    }

    private Client client(String clientId) {
        return client(clientId, "Client " + clientId);
    }

    private Client client(String clientId, String what) {
        return clients.find(clientId).orElseThrow(() -> ProblemException.notFound(what));
    }

    private Visit visit(String visitId) {
        return visits.find(visitId).orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
    }

    private Map<String, TeamMember> members(String teamId) {
        return teams.members(teamId).stream().collect(Collectors.toMap(TeamMember::workerId, Function.identity()));
    }

    private VisitView view(Visit visit, Relation relation, Map<String, TeamMember> team) {
        List<VisitView.Worker> workers = visit.workerIds().stream()
                .map(id -> new VisitView.Worker(id, Optional.ofNullable(team.get(id))
                        .map(TeamMember::displayName).orElse("Former team member")))
                .toList();
        return VisitView.of(visit, workers, relation, VisitTiming.of(visit, rules));
    }

    private void times(Violations v, Instant start, Instant end) {
        v.required("plannedStart", start);
        v.required("plannedEnd", end);
        v.after("plannedEnd", end, start, "plannedStart");
        Instant today = clock.instant();
        if (start != null && (start.isBefore(today.minus(PLANNING_HORIZON)) || start.isAfter(today.plus(PLANNING_HORIZON)))) {
            v.add("plannedStart", "must be within " + PLANNING_HORIZON.toDays() + " days of today");
        }
        if (start != null && end != null && Duration.between(start, end).compareTo(LONGEST_VISIT) > 0) {
            v.add("plannedEnd", "a visit lasts at most " + LONGEST_VISIT.toHours() + " hours");
        }
    }

    private static void workers(Violations v, List<String> ids, Map<String, TeamMember> team) {
        if (ids.size() > WORKERS_MAX) {
            v.add("workerIds", "at most " + WORKERS_MAX + " workers per visit");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            v.add("workerIds", "names a worker twice");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !team.containsKey(ids.get(i))) {
                v.add("workerIds[" + i + "]", "is not a member of this client's team");
            }
        }
    }

    private static void location(Violations v, String field, Location l) {
        if (v.required(field + ".address", l.address())) {
            v.maxLength(field + ".address", l.address(), ADDRESS_MAX);
        }
        if ((l.latitude() == null) != (l.longitude() == null)) {
            v.add(field, "give both latitude and longitude, or neither");
        }
        v.range(field + ".latitude", l.latitude(), -90, 90);
        v.range(field + ".longitude", l.longitude(), -180, 180);
    }

    private static void notInFuture(Violations v, String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            v.add(field, "must not be in the future");
        }
    }
}
