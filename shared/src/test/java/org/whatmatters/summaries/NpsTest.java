package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.whatmatters.json.Json;

class NpsTest {

    /** Hand-computed: var = 100²(p + d − (p − d)²)/n, half-width 1.96·√var, clamped to ±100. */
    @ParameterizedTest(name = "{0}/{1}/{2} → {3} [{4}, {5}]")
    @CsvSource({
            // promoters, passives, detractors, score, low, high
            "88, 7, 5,     83.0,  73.4,  92.6",  // seed-like: NPS 83, var 24.11
            "10, 2, 0,     83.3,  62.2, 100.0",  // 83.3 + 21.09 clamped to 100
            "5, 0, 5,       0.0, -62.0,  62.0",  // var 1000
            "6, 3, 2,      36.4,  -9.2,  81.9",  // 81.9498…, not 82.0
            "16, 5, 2,     60.9,  34.6,  87.1",
            "20, 0, 0,    100.0, 100.0, 100.0",  // all promoters: no spread
            "0, 0, 7,    -100.0, -100.0, -100.0",
            "0, 9, 0,       0.0,   0.0,   0.0",  // all passives: p = d = 0
    })
    void scoreAndInterval(long p, long pa, long d, double score, double low, double high) {
        Nps nps = Nps.of(p, pa, d).orElseThrow();
        assertEquals(score, nps.score());
        assertEquals(low, nps.low());
        assertEquals(high, nps.high());
        assertEquals(58, nps.benchmark());
    }

    @Test
    void noRespondentsNoScore() {
        assertTrue(Nps.of(0, 0, 0).isEmpty());
    }

    @Test
    void theIntervalNeverLeavesTheScale() {
        for (int p = 0; p <= 12; p++) {
            for (int d = 0; p + d <= 12; d++) {
                if (p + d == 0) {
                    continue;
                }
                Nps nps = Nps.of(p, 12 - p - d, d).orElseThrow();
                assertTrue(-100 <= nps.low() && nps.low() <= nps.score() && nps.score() <= nps.high()
                        && nps.high() <= 100, nps::toString);
            }
        }
    }

    @Test
    void negativeCountsAreABug() {
        assertThrows(IllegalArgumentException.class, () -> Nps.of(-1, 0, 3));
    }

    @Test
    void serialisesWithoutCounts() throws Exception {
        assertEquals("{\"score\":83.0,\"low\":73.4,\"high\":92.6,\"benchmark\":58}",
                Json.MAPPER.writeValueAsString(Nps.of(88, 7, 5).orElseThrow()));
    }
}
