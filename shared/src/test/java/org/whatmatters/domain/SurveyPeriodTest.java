package org.whatmatters.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SurveyPeriodTest {

    private final SurveyPeriod q4 = new SurveyPeriod("sp-1", "ct-1", "2026-Q4", LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-12-31"), SurveyPeriod.DEFAULT_QUESTIONS, "a", Instant.EPOCH);

    @Test
    void openOnBothEndDays() {
        assertFalse(q4.isOpen(LocalDate.parse("2026-09-30")));
        assertTrue(q4.isOpen(LocalDate.parse("2026-10-01")));
        assertTrue(q4.isOpen(LocalDate.parse("2026-12-31")));
        assertFalse(q4.isOpen(LocalDate.parse("2027-01-01")));
    }

    @Test
    void periodsSharingADayOverlap() {
        assertTrue(q4.overlaps(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-03-31")));
        assertTrue(q4.overlaps(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-10-01")));
        assertTrue(q4.overlaps(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02")));
        assertFalse(q4.overlaps(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31")));
        assertFalse(q4.overlaps(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30")));
    }

    @Test
    void theStandardQuestions() {
        assertTrue(q4.asks("positive-impact"));
        assertTrue(q4.asks("reliability"));
        assertTrue(q4.asks("creativity"));
        assertFalse(q4.asks("recommend"));
    }
}
