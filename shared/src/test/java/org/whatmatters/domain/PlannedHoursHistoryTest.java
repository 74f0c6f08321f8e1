package org.whatmatters.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannedHoursHistoryTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static PlannedHoursChange change(int sequence, double hours, Double previous, String from) {
        return new PlannedHoursChange("c-1", "t-1", sequence, hours, previous, LocalDate.parse(from), "r", "a", T);
    }

    @Test
    void hoursOnADayAreTheLatestChangeInForce() {
        PlannedHoursHistory h = new PlannedHoursHistory(List.of(
                change(3, 12, 10.5, "2026-10-05"),
                change(1, 20, null, "2026-06-01"),
                change(2, 10.5, 20.0, "2026-10-05")));
        assertEquals(0, h.hoursOn(LocalDate.parse("2026-05-31")));
        assertEquals(20, h.hoursOn(LocalDate.parse("2026-06-01")));
        assertEquals(20, h.hoursOn(LocalDate.parse("2026-10-04")));
        assertEquals(12, h.hoursOn(LocalDate.parse("2026-10-05")), "the later of two changes on one day wins");
        assertEquals(-8, h.changeBetween(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-11-30")));
        assertEquals(3, h.latest().orElseThrow().sequence());
    }

    @Test
    void aHistoryThatStartsWithAChangeKnowsTheHoursBeforeIt() {
        PlannedHoursHistory h = new PlannedHoursHistory(List.of(change(1, 10, 14.0, "2026-11-16")));
        assertEquals(14, h.hoursOn(LocalDate.parse("2026-01-01")));
        assertEquals(-4, h.changeBetween(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertEquals(0, new PlannedHoursHistory(List.of()).hoursOn(LocalDate.parse("2026-11-30")));
    }
}
