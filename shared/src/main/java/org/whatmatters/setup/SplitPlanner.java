package org.whatmatters.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proposes how a team that has grown to {@value SizeAdvice#SPLIT_AT} splits in two: its workers in two halves
 * as even as can be (sizes differ by at most one), each person supported with the half that gave them most of
 * their recent visits, so the most visits stay between a person and workers of their own team. Every even split
 * is tried (462 for 12 workers; up to {@value #EXACT_UP_TO} workers), so the answer is the best there is; ties go
 * to the split that keeps the first worker, then the most workers, in the first half.
 */
public final class SplitPlanner {

    /** Beyond this many workers every even split is too many to try (35 million at 28). */
    static final int EXACT_UP_TO = 24;

    /** One person's visits by worker over the recent window (90 days). */
    public record ClientVisits(String clientId, Map<String, Long> visitsByWorker) {

        public ClientVisits {
            visitsByWorker = Map.copyOf(visitsByWorker);
        }

        long total() {
            return visitsByWorker.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Two halves: who stays (the first half, with the team's name) and who moves, the people supported with each,
     * and the visits that stay between a person and their own team's workers.
     */
    public record Proposal(List<String> stayingWorkers, List<String> movingWorkers, List<String> stayingClients,
                           List<String> movingClients, long visitsKept, long visits) {

        public double keptPercent() {
            return visits == 0 ? 100.0 : Math.round(1000.0 * visitsKept / visits) / 10.0;
        }
    }

    private SplitPlanner() {
    }

    /** @throws IllegalArgumentException for fewer than two workers or more than {@value #EXACT_UP_TO} */
    public static Proposal propose(List<String> workers, List<ClientVisits> clients) {
        List<String> w = new ArrayList<>(new TreeSet<>(workers));
        if (w.size() < 2 || w.size() > EXACT_UP_TO) {
            throw new IllegalArgumentException("a team of 2 to " + EXACT_UP_TO + " workers splits; this one has " + w.size());
        }
        List<ClientVisits> c = clients.stream().sorted(Comparator.comparing(ClientVisits::clientId)).toList();
        long[][] visits = new long[c.size()][w.size()];
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < w.size(); j++) {
                visits[i][j] = c.get(i).visitsByWorker().getOrDefault(w.get(j), 0L);
            }
        }
        int n = w.size();
        long best = -1;
        int bestMask = 0;
        // Bit j set: worker j stays. Worker 0 always stays, so each split is tried once, not twice.
        for (int mask = 1; mask < (1 << n); mask += 2) {
            int staying = Integer.bitCount(mask);
            if (Math.abs(2 * staying - n) > 1) {
                continue;
            }
            long kept = kept(visits, mask);
            if (kept > best || kept == best && staying > Integer.bitCount(bestMask)) {
                best = kept;
                bestMask = mask;
            }
        }
        return proposal(w, c, visits, bestMask, best);
    }

    /** The visits kept when each person goes with the half that gave them more (the staying half on a tie). */
    static long kept(long[][] visits, int mask) {
        long kept = 0;
        for (long[] byWorker : visits) {
            long stay = 0;
            long move = 0;
            for (int j = 0; j < byWorker.length; j++) {
                if ((mask & (1 << j)) != 0) {
                    stay += byWorker[j];
                } else {
                    move += byWorker[j];
                }
            }
            kept += Math.max(stay, move);
        }
        return kept;
    }

    private static Proposal proposal(List<String> w, List<ClientVisits> c, long[][] visits, int mask, long kept) {
        List<String> stayW = new ArrayList<>();
        List<String> moveW = new ArrayList<>();
        for (int j = 0; j < w.size(); j++) {
            ((mask & (1 << j)) != 0 ? stayW : moveW).add(w.get(j));
        }
        List<String> stayC = new ArrayList<>();
        List<String> moveC = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < c.size(); i++) {
            long stay = 0;
            long move = 0;
            for (int j = 0; j < w.size(); j++) {
                if ((mask & (1 << j)) != 0) {
                    stay += visits[i][j];
                } else {
                    move += visits[i][j];
                }
            }
            (stay >= move ? stayC : moveC).add(c.get(i).clientId());
            total += c.get(i).total();
        }
        return new Proposal(List.copyOf(stayW), List.copyOf(moveW), List.copyOf(stayC), List.copyOf(moveC), kept, total);
    }
}
