package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.whatmatters.aggregates.Counter;

/**
 * A team's activity over some months, for the team dashboard (the provider and the team itself),
 * so unsuppressed; the Magic Number is care minutes over paid shift minutes; {@code rota} the punctuality figures.
 */
public record TeamActivity(long visits, long careMinutes, long shiftMinutes, Double magicNumber, long clientDays,
                           List<HealthRate> health, List<DomainCount> stories, Continuity continuity,
                           TeamRota rota) {

    public TeamActivity {
        health = List.copyOf(health);
        stories = List.copyOf(stories);
    }

    public static TeamActivity compile(Collection<Map<String, Long>> teamMonths, long clientDays) {
        Map<String, Long> c = Activity.sum(teamMonths);
        long care = c.getOrDefault(Counter.CARE_MINUTES, 0L);
        long shift = c.getOrDefault(Counter.SHIFT_MINUTES, 0L);
        List<HealthRate> health = new ArrayList<>();
        Activity.healthEvents(c).forEach((t, n) -> health.add(new HealthRate(t, n, Activity.perThousand(n, clientDays))));
        List<DomainCount> stories = new ArrayList<>();
        Activity.stories(c).forEach((d, n) -> stories.add(new DomainCount(d, n)));
        return new TeamActivity(c.getOrDefault(Counter.VISITS, 0L), care, shift, Activity.magicNumber(care, shift),
                clientDays, health, stories, Continuity.of(c), TeamRota.of(RotaCounts.of(c)));
    }
}
