package org.whatmatters.summaries;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.HealthEventType;
import org.whatmatters.domain.OutcomeDomain;

/** Reading activity counters: months added up, and the breakdowns by health event type and outcome domain. */
public final class Activity {

    private Activity() {
    }

    /** The counters of several months (team-month or contract-month items) added up. */
    public static Map<String, Long> sum(Collection<Map<String, Long>> months) {
        Map<String, Long> out = new TreeMap<>();
        months.forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
        return out;
    }

    public static Map<HealthEventType, Long> healthEvents(Map<String, Long> c) {
        Map<HealthEventType, Long> out = new LinkedHashMap<>();
        for (HealthEventType t : HealthEventType.values()) {
            out.put(t, c.getOrDefault(Counter.healthEvents(t.toString()), 0L));
        }
        return out;
    }

    /** Stories per domain, whatever their consent; a story in two domains counts in both. */
    public static Map<OutcomeDomain, Long> stories(Map<String, Long> c) {
        Map<OutcomeDomain, Long> out = new LinkedHashMap<>();
        for (OutcomeDomain d : OutcomeDomain.values()) {
            String prefix = Counter.stories(d.toString(), "");
            out.put(d, c.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        return out;
    }

    /** Events per 1,000 client-days, to two decimals; null without client-days. */
    public static Double perThousand(long events, long clientDays) {
        return clientDays <= 0 ? null : Numbers.round(1000.0 * events / clientDays, 2);
    }

    /** Care minutes over paid shift minutes, to two decimals; null without shifts. */
    public static Double magicNumber(long careMinutes, long shiftMinutes) {
        return shiftMinutes <= 0 ? null : Numbers.round((double) careMinutes / shiftMinutes, 2);
    }
}
