package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.HealthEventType;
import org.whatmatters.domain.OutcomeDomain;

/**
 * A contract's activity over some months as a commissioner sees it: no Magic Number (teams see
 * that, commissioners do not), counts under disclosure control, a rate suppressed with its count,
 * and continuity only over at least {@value Disclosure#MIN_RESPONDENTS} clients. Stories by domain
 * do not add up to the story total (a story may have several domains), so they are protected as
 * single counts. {@code visits} are the completed visits as {@code rota} shows them: one figure, from one protected
 * table (planned = completed + missed).
 */
public record ContractActivity(Figure<Long> visits, long careMinutes, long clientDays, Figure<Long> healthEvents,
                               List<HealthFigure> health, Figure<Long> stories, List<Cell<OutcomeDomain>> storiesByDomain,
                               Figure<Continuity> continuity, RotaFigures rota) {

    public ContractActivity {
        health = List.copyOf(health);
        storiesByDomain = List.copyOf(storiesByDomain);
    }

    public static ContractActivity compile(Collection<Map<String, Long>> contractMonths, long clientDays) {
        Map<String, Long> c = Activity.sum(contractMonths);
        Map<HealthEventType, Long> events = Activity.healthEvents(c);
        CountTable<HealthEventType> table = Disclosure.table(events,
                events.values().stream().mapToLong(Long::longValue).sum());
        List<HealthFigure> health = new ArrayList<>();
        for (Cell<HealthEventType> cell : table.cells()) {
            Figure<Long> n = cell.count();
            Double rate = n.shown() ? Activity.perThousand(n.value(), clientDays) : null;
            health.add(new HealthFigure(cell.key(), n, n.shown()
                    ? (rate == null ? null : Figure.of(rate))
                    : Figure.suppressed(n.suppressed())));
        }
        Continuity continuity = Continuity.of(c);
        RotaFigures rota = RotaFigures.of(RotaCounts.of(c));
        return new ContractActivity(rota.completedVisits(),
                c.getOrDefault(Counter.CARE_MINUTES, 0L), clientDays, table.total(), health,
                Disclosure.count(c.getOrDefault(Counter.STORIES, 0L)), Disclosure.parts(Activity.stories(c)),
                Disclosure.resting(continuity, continuity.clients()), rota);
    }
}
