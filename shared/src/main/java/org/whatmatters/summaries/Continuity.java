package org.whatmatters.summaries;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.whatmatters.aggregates.Counter;

/**
 * Continuity of care over a team's or contract's clients, compiled from the
 * {@code visits#<client>#<worker>} counters. Means are over clients, so each person counts once
 * whatever their number of visits; the index mean is over clients with at least two visits.
 * Client ids stay in {@link #perClient}: a commissioner output carries only this summary.
 */
public record Continuity(int clients, Double meanWorkers, Double meanIndex, int clientsWithIndex) {

    private static final String PREFIX = Counter.VISITS + "#";

    /** Bice–Boxerman COC = (Σ nⱼ² − n) / (n(n − 1)); 1 when one worker made every visit, 0 when all differ. */
    public static OptionalDouble index(Collection<Long> visitsByWorker) {
        long n = 0;
        long squares = 0;
        for (long v : visitsByWorker) {
            n += v;
            squares += v * v;
        }
        return n <= 1 ? OptionalDouble.empty() : OptionalDouble.of((double) (squares - n) / ((double) n * (n - 1)));
    }

    /** Client id → worker id → visits, from the counters (other counters are ignored). */
    public static Map<String, Map<String, Long>> visits(Map<String, Long> counters) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && value > 0) {
                String[] parts = name.substring(PREFIX.length()).split("#", 2);
                if (parts.length == 2) {
                    out.computeIfAbsent(parts[0], c -> new TreeMap<>()).merge(parts[1], value, Long::sum);
                }
            }
        });
        return out;
    }

    public static Map<String, ClientContinuity> perClient(Map<String, Long> counters) {
        Map<String, ClientContinuity> out = new TreeMap<>();
        visits(counters).forEach((client, byWorker) -> {
            OptionalDouble coc = index(byWorker.values());
            out.put(client, new ClientContinuity(byWorker.values().stream().mapToLong(Long::longValue).sum(),
                    byWorker.size(), coc.isPresent() ? coc.getAsDouble() : null));
        });
        return out;
    }

    /** Means to two decimals; null where there is nothing to average. */
    public static Continuity of(Map<String, Long> counters) {
        Collection<ClientContinuity> clients = perClient(counters).values();
        OptionalDouble workers = clients.stream().mapToInt(ClientContinuity::workers).average();
        OptionalDouble index = clients.stream().filter(c -> c.index() != null).mapToDouble(ClientContinuity::index).average();
        return new Continuity(clients.size(), workers.isPresent() ? Numbers.round(workers.getAsDouble(), 2) : null,
                index.isPresent() ? Numbers.round(index.getAsDouble(), 2) : null,
                (int) clients.stream().filter(c -> c.index() != null).count());
    }
}
