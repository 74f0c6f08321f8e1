package org.whatmatters.summaries.publish;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.FormerTeamMember;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.visits.VisitRules;

/**
 * A month of one person's visits, read through the client visit index (a query, never a scan), and
 * the names of the workers who may appear in them. Used where an output lists visits one by one: a team's late
 * and missed visits, a contract's EVV export.
 */
@Singleton
public final class VisitMonths {

    private final VisitStore visits;
    private final TeamStore teams;
    private final VisitRules rules;
    private final ZoneId zone;

    @Inject
    public VisitMonths(VisitStore visits, TeamStore teams, VisitRules rules, Clock clock) {
        this.visits = visits;
        this.teams = teams;
        this.rules = rules;
        this.zone = clock.getZone();
    }

    public VisitRules rules() {
        return rules;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The person's visits whose service day is in the month, by planned start, oldest first. */
    public List<Visit> of(String clientId, YearMonth month) {
        // A day either side: the index is by planned start, the month by service day in the provider's zone.
        Instant from = month.atDay(1).minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = month.atEndOfMonth().plusDays(2).atStartOfDay(zone).toInstant();
        return visits.between(clientId, from, to).stream()
                .filter(v -> YearMonth.from(v.serviceDate()).equals(month)).toList();
    }

    /** Everyone who is or was a worker of the teams, by id: a visit names those it was planned for. */
    public Map<String, String> workerNames(Collection<String> teamIds) {
        Map<String, String> names = new TreeMap<>();
        for (String teamId : teamIds) {
            teams.formerMembers(teamId).forEach((FormerTeamMember m) -> names.putIfAbsent(m.workerId(), m.displayName()));
            teams.members(teamId).forEach((TeamMember m) -> names.put(m.workerId(), m.displayName()));
        }
        return names;
    }
}
