package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;

class ContinuityTest {

    private static double index(Long... visitsByWorker) {
        return Continuity.index(List.of(visitsByWorker)).orElseThrow();
    }

    @Test
    void biceBoxermanByHand() {
        assertEquals(1.0, index(3L), 1e-12, "one worker: (9 − 3) / (3·2)");
        assertEquals(0.0, index(1L, 1L, 1L), 1e-12, "all different: (3 − 3) / 6");
        assertEquals(1.0 / 3, index(2L, 1L), 1e-12, "(4 + 1 − 3) / (3·2)");
        assertEquals(16.0 / 56, index(4L, 2L, 2L), 1e-12, "(16 + 4 + 4 − 8) / (8·7)");
        assertEquals(44.0 / 90, index(7L, 2L, 1L), 1e-12, "(49 + 4 + 1 − 10) / (10·9)");
    }

    @Test
    void undefinedBelowTwoVisits() {
        assertTrue(Continuity.index(List.of(1L)).isEmpty());
        assertTrue(Continuity.index(List.of()).isEmpty());
        assertTrue(Continuity.index(List.of(0L, 1L)).isEmpty());
    }

    private static final Map<String, Long> COUNTERS = Map.of(
            Counter.visitsBy("c-rosa", "w-amara"), 4L,
            Counter.visitsBy("c-rosa", "w-ben"), 2L,
            Counter.visitsBy("c-rosa", "w-cy"), 2L,
            Counter.visitsBy("c-arthur", "w-amara"), 1L,
            Counter.visitsBy("c-ed", "w-ben"), 3L,
            Counter.visitsBy("c-ed", "w-cy"), 0L,
            Counter.VISITS, 12L,
            Counter.careMinutesBy("c-rosa", "w-dan"), 120L,
            Counter.CARE_MINUTES, 600L);

    @Test
    void perClientFromTheVisitCountersOnly() {
        assertEquals(Map.of(
                "c-rosa", new ClientContinuity(8, 3, 16.0 / 56),
                "c-arthur", new ClientContinuity(1, 1, null),
                "c-ed", new ClientContinuity(3, 1, 1.0)), Continuity.perClient(COUNTERS),
                "care-minute counters and zero counts are not visits by a worker");
    }

    @Test
    void summaryMeansOverClients() {
        // workers (3 + 1 + 1) / 3 = 1.67; index (0.2857 + 1) / 2 = 0.64, Arthur has no index
        assertEquals(new Continuity(3, 1.67, 0.64, 2), Continuity.of(COUNTERS));
    }

    @Test
    void monthsAddUpBeforeTheIndex() {
        Map<String, Long> months = Activity.sum(List.of(
                Map.of(Counter.visitsBy("c-rosa", "w-amara"), 1L),
                Map.of(Counter.visitsBy("c-rosa", "w-amara"), 1L, Counter.visitsBy("c-rosa", "w-ben"), 1L)));
        assertEquals(new ClientContinuity(3, 2, 1.0 / 3), Continuity.perClient(months).get("c-rosa"));
    }

    @Test
    void nothingCounted() {
        assertEquals(new Continuity(0, null, null, 0), Continuity.of(Map.of()));
    }
}
