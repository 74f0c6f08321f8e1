package org.whatmatters.setup;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Role;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/** Teams and their members: the provider admin sets them up; a worker reads their own team. */
@Singleton
public final class TeamService {

    static final int SPLIT_WINDOW_DAYS = 90;

    private final TeamStore teams;
    private final ClientStore clients;
    private final VisitStore visits;
    private final Clock clock;

    @Inject
    public TeamService(TeamStore teams, ClientStore clients, VisitStore visits, Clock clock) {
        this.teams = teams;
        this.clients = clients;
        this.visits = visits;
        this.clock = clock;
    }

    public TeamView create(Caller caller, NewTeam cmd) {
        SetupAccess.requireAdmin(caller, "create teams");
        Violations v = new Violations();
        Checks.text(v, "name", cmd.name(), Checks.NAME_MAX);
        v.throwIfAny();
        Team team = new Team("t-" + UUID.randomUUID(), cmd.name().strip(), clock.instant());
        if (!teams.create(team)) {
            throw ProblemException.conflict("Team " + team.teamId() + " already exists; try again");
        }
        return view(team, List.of(), List.of());
    }

    /** The provider admin sees every team; a worker sees their own. */
    public TeamSummary list(Caller caller) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.PROVIDER_ADMIN) && !caller.is(Role.WORKER)) {
            throw ProblemException.forbidden("Only provider admins and workers list teams");
        }
        return new TeamSummary(teams.all().stream()
                .filter(t -> SetupAccess.seesTeam(caller, t.teamId()))
                .sorted(Comparator.comparing(Team::name).thenComparing(Team::teamId))
                .map(t -> new TeamSummary.Team(t.teamId(), t.name(), t.createdAt())).toList());
    }

    public TeamView get(Caller caller, String teamId) {
        ClientAccess.requireSomeRole(caller);
        Team team = visibleTeam(caller, teamId);
        return view(team, teams.members(teamId), clients.ofTeam(teamId));
    }

    /** Adding a 12th member is allowed; the answer says a split is advised. */
    public MemberAdded addMember(Caller caller, String teamId, NewMember cmd) {
        ClientAccess.requireSomeRole(caller);
        Team team = visibleTeam(caller, teamId);
        SetupAccess.requireAdmin(caller, "add team members");
        Violations v = new Violations();
        Checks.id(v, "workerId", cmd.workerId());
        Checks.text(v, "displayName", cmd.displayName(), Checks.NAME_MAX);
        v.throwIfAny();

        List<TeamMember> before = teams.members(team.teamId());
        if (before.stream().anyMatch(m -> m.workerId().equals(cmd.workerId()))) {
            throw ProblemException.conflict("Worker " + cmd.workerId() + " is already a member of this team");
        }
        // A worker's token names one team, so a worker belongs to one team at a time.
        teams.memberships(cmd.workerId()).stream().findFirst().ifPresent(m -> {
            throw ProblemException.conflict("Worker " + cmd.workerId() + " is already a member of team "
                    + m.teamId() + "; a worker belongs to one team");
        });
        Instant now = clock.instant();
        TeamMember member = new TeamMember(team.teamId(), cmd.workerId(), cmd.displayName().strip(), now);
        if (!teams.addMember(member)) {
            throw ProblemException.conflict("Worker " + cmd.workerId() + " is already a member of this team");
        }
        int size = before.size() + 1;
        return new MemberAdded(team.teamId(), member.workerId(), member.displayName(), now, size,
                SizeAdvice.of(size).orElse(null));
    }

    /** Removing a worker ends their access to the team's people at once; the membership is kept as a former one. */
    public MemberRemoved removeMember(Caller caller, String teamId, String workerId) {
        ClientAccess.requireSomeRole(caller);
        Team team = visibleTeam(caller, teamId);
        SetupAccess.requireAdmin(caller, "remove team members");
        TeamMember member = (Checks.validId(workerId) ? teams.member(team.teamId(), workerId) : Optional.<TeamMember>empty())
                .orElseThrow(() -> ProblemException.notFound("Team member " + workerId));
        Instant now = clock.instant();
        if (!teams.removeMember(member, now, caller.sub())) {
            throw ProblemException.notFound("Team member " + workerId);
        }
        return new MemberRemoved(team.teamId(), member.workerId(), member.displayName(), member.joinedAt(), now,
                teams.members(team.teamId()).size());
    }

    /**
     * How the team would split in two, from the visits of the last {@value #SPLIT_WINDOW_DAYS} days completed by its
     * present workers: a proposal only, nothing is changed.
     */
    public SplitProposalView proposeSplit(Caller caller, String teamId) {
        ClientAccess.requireSomeRole(caller);
        Team team = visibleTeam(caller, teamId);
        SetupAccess.requireAdmin(caller, "plan a team's split");
        List<TeamMember> members = teams.members(team.teamId());
        if (members.size() < 2 || members.size() > SplitPlanner.EXACT_UP_TO) {
            throw ProblemException.conflict("Team " + teamId + " has " + members.size() + " members; a split is "
                    + "proposed for 2 to " + SplitPlanner.EXACT_UP_TO);
        }
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(SPLIT_WINDOW_DAYS);
        Map<String, TeamMember> byId = members.stream()
                .collect(Collectors.toMap(TeamMember::workerId, Function.identity()));
        List<Client> people = clients.ofTeam(team.teamId());
        List<SplitPlanner.ClientVisits> seen = new ArrayList<>();
        for (Client c : people) {
            Map<String, Long> byWorker = new HashMap<>();
            for (Visit v : visits.between(c.clientId(), from.atStartOfDay(clock.getZone()).toInstant(), clock.instant())) {
                if (v.status() == VisitStatus.COMPLETED) {
                    v.workerIds().stream().filter(byId::containsKey).forEach(w -> byWorker.merge(w, 1L, Long::sum));
                }
            }
            seen.add(new SplitPlanner.ClientVisits(c.clientId(), byWorker));
        }
        SplitPlanner.Proposal p = SplitPlanner.propose(List.copyOf(byId.keySet()), seen);
        Map<String, Client> clientById = people.stream().collect(Collectors.toMap(Client::clientId, Function.identity()));
        Function<String, TeamView.Member> member = id -> new TeamView.Member(id, byId.get(id).displayName(),
                byId.get(id).joinedAt());
        Function<String, TeamView.ClientRef> client = id -> new TeamView.ClientRef(id, clientById.get(id).displayName());
        return new SplitProposalView(team.teamId(), team.name(), members.size(), from, to,
                p.stayingWorkers().stream().map(member).toList(), p.movingWorkers().stream().map(member).toList(),
                p.stayingClients().stream().map(client).toList(), p.movingClients().stream().map(client).toList(),
                p.visitsKept(), p.visits(), p.keptPercent());
    }

    private Team visibleTeam(Caller caller, String teamId) {
        SetupAccess.requireSees(Checks.validId(teamId) && SetupAccess.seesTeam(caller, teamId), "Team " + teamId);
        return teams.find(teamId).orElseThrow(() -> ProblemException.notFound("Team " + teamId));
    }

    private static TeamView view(Team team, List<TeamMember> members, List<Client> clients) {
        return new TeamView(team.teamId(), team.name(), team.createdAt(), members.size(),
                SizeAdvice.of(members.size()).orElse(null),
                members.stream().sorted(Comparator.comparing(TeamMember::displayName))
                        .map(m -> new TeamView.Member(m.workerId(), m.displayName(), m.joinedAt())).toList(),
                clients.stream().sorted(Comparator.comparing(Client::displayName))
                        .map(c -> new TeamView.ClientRef(c.clientId(), c.displayName())).toList());
    }
}
