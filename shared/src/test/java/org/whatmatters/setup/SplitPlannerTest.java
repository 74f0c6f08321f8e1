package org.whatmatters.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.setup.SplitPlanner.ClientVisits;
import org.whatmatters.setup.SplitPlanner.Proposal;

/** The split planner against cases worked out by hand, and against a brute force over every split. */
class SplitPlannerTest {

    private static ClientVisits client(String id, Object... workerVisits) {
        Map<String, Long> m = new HashMap<>();
        for (int i = 0; i < workerVisits.length; i += 2) {
            m.put((String) workerVisits[i], ((Number) workerVisits[i + 1]).longValue());
        }
        return new ClientVisits(id, m);
    }

    /**
     * By hand: Rosa is seen by Amara 10 and Ben 8 times, Arthur by Chloe 9 and Dev 7, Edith by Amara 2 and Chloe 1.
     * {Amara, Ben} | {Chloe, Dev} keeps 18 + 16 + 2 = 36 of 37 visits (97.3 %); any other even split breaks up
     * Rosa's or Arthur's pair (e.g. {Amara, Chloe} | {Ben, Dev}: 10 + 9 + 3 = 22).
     */
    @Test
    void regularWorkersStayWithTheirPeople() {
        Proposal p = SplitPlanner.propose(List.of("w-dev", "w-chloe", "w-ben", "w-amara"), List.of(
                client("c-rosa", "w-amara", 10, "w-ben", 8), client("c-arthur", "w-chloe", 9, "w-dev", 7),
                client("c-edith", "w-amara", 2, "w-chloe", 1)));
        assertEquals(List.of("w-amara", "w-ben"), p.stayingWorkers());
        assertEquals(List.of("w-chloe", "w-dev"), p.movingWorkers());
        assertEquals(List.of("c-edith", "c-rosa"), p.stayingClients());
        assertEquals(List.of("c-arthur"), p.movingClients());
        assertEquals(36, p.visitsKept());
        assertEquals(37, p.visits());
        assertEquals(97.3, p.keptPercent());
    }

    /** By hand: five workers split three and two; the pair who share Bea (6 + 6) go together with her. */
    @Test
    void anOddTeamSplitsOneApart() {
        Proposal p = SplitPlanner.propose(List.of("w-1", "w-2", "w-3", "w-4", "w-5"), List.of(
                client("c-a", "w-1", 5, "w-2", 5, "w-3", 5), client("c-b", "w-4", 6, "w-5", 6)));
        assertEquals(List.of("w-1", "w-2", "w-3"), p.stayingWorkers());
        assertEquals(List.of("w-4", "w-5"), p.movingWorkers());
        assertEquals(27, p.visitsKept());
        assertEquals(100.0, p.keptPercent());
    }

    @Test
    void aTeamTooSmallOrTooLargeForAnExactSplitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SplitPlanner.propose(List.of("w-1"), List.of()));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("w-" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> SplitPlanner.propose(many, List.of()));
    }

    /**
     * For random teams of 2 to 12 workers and up to 6 people: the best over every assignment of every worker and
     * every person to either half (sizes differing by at most one), found without the planner's shortcut of
     * sending each person where most of their visits are, equals what the planner keeps; and the planner's own
     * halves, counted afresh, keep what it says.
     */
    @Test
    void noSplitKeepsMoreThanTheProposal() {
        Random random = new Random(20261203);
        for (int round = 0; round < 40; round++) {
            int n = 2 + random.nextInt(11);
            int m = random.nextInt(7);
            List<String> workers = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                workers.add("w-" + (char) ('a' + j));
            }
            long[][] visits = new long[m][n];
            List<ClientVisits> clients = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                Map<String, Long> byWorker = new HashMap<>();
                for (int j = 0; j < n; j++) {
                    if (random.nextInt(3) == 0) {
                        visits[i][j] = 1 + random.nextInt(20);
                        byWorker.put(workers.get(j), visits[i][j]);
                    }
                }
                clients.add(new ClientVisits("c-" + i, byWorker));
            }
            long best = 0;
            for (int wm = 0; wm < (1 << n); wm++) {
                if (Math.abs(2 * Integer.bitCount(wm) - n) > 1) {
                    continue;
                }
                for (int cm = 0; cm < (1 << m); cm++) {
                    long kept = 0;
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            boolean workerFirst = (wm & (1 << j)) != 0;
                            boolean clientFirst = (cm & (1 << i)) != 0;
                            kept += workerFirst == clientFirst ? visits[i][j] : 0;
                        }
                    }
                    best = Math.max(best, kept);
                }
            }
            Proposal p = SplitPlanner.propose(workers, clients);
            assertEquals(best, p.visitsKept(), "round " + round + ": " + n + " workers, " + m + " people");
            assertTrue(Math.abs(p.stayingWorkers().size() - p.movingWorkers().size()) <= 1);
            assertEquals(n, new HashSet<>(concat(p.stayingWorkers(), p.movingWorkers())).size(), "every worker once");
            assertEquals(m, concat(p.stayingClients(), p.movingClients()).size(), "every person once");
            Set<String> stay = new HashSet<>(p.stayingWorkers());
            Set<String> stayClients = new HashSet<>(p.stayingClients());
            long recount = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    recount += stay.contains(workers.get(j)) == stayClients.contains("c-" + i) ? visits[i][j] : 0;
                }
            }
            assertEquals(p.visitsKept(), recount, "the halves keep what the proposal says");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
