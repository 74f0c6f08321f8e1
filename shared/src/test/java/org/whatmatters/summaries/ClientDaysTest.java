package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.PlannedHoursChange;

class ClientDaysTest {

    /** January 2026: 31 days. */
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);

    private static final Instant AT = Instant.parse("2025-06-01T09:00:00Z");

    private static PlannedHoursChange plan(String client, int sequence, double hours, Double previous, LocalDate from) {
        return new PlannedHoursChange(client, "t-north", sequence, hours, previous, from, "assessment", "a-priya", AT);
    }

    /** A client's first plan. */
    private static PlannedHoursChange starts(String client, double hours, LocalDate from) {
        return plan(client, 1, hours, null, from);
    }

    private static ClientDays january(PlannedHoursChange... changes) {
        return ClientDays.of(List.of(changes), FROM, TO);
    }

    @Test
    void aClientSupportedThroughoutCountsEveryDay() {
        assertEquals(new ClientDays(31, 1, 14, 14), january(starts("c-a", 14, LocalDate.of(2025, 6, 1))));
    }

    @Test
    void aClientStartingMidWindowCountsFromTheirFirstDay() {
        // 16–31 January: 16 days; nothing planned on the 1st
        assertEquals(new ClientDays(16, 1, 0, 5), january(starts("c-b", 5, LocalDate.of(2026, 1, 16))));
    }

    @Test
    void aClientWhoseHoursDropToZeroStopsCounting() {
        // 10 hours to the 20th, none from the 21st: 20 days
        assertEquals(new ClientDays(20, 1, 10, 0), january(starts("c-c", 10, LocalDate.of(2025, 6, 1)),
                plan("c-c", 2, 0, 10.0, LocalDate.of(2026, 1, 21))));
    }

    @Test
    void aClientWhoseHoursGoToZeroAndBackCountsTheDaysWithSupportOnly() {
        // 1–9 and 20–31 January: 9 + 12 days
        assertEquals(new ClientDays(21, 1, 8, 6), january(starts("c-d", 8, LocalDate.of(2025, 6, 1)),
                plan("c-d", 2, 0, 8.0, LocalDate.of(2026, 1, 10)),
                plan("c-d", 3, 6, 0.0, LocalDate.of(2026, 1, 20))));
    }

    @Test
    void changesOnTheFirstAndLastDaysAreInForceThatDay() {
        assertEquals(new ClientDays(31, 1, 12, 12), january(starts("c-e", 12, FROM)));
        assertEquals(new ClientDays(1, 1, 0, 3), january(starts("c-f", 3, TO)));
        // a change on the first day replaces the old plan for the whole window
        assertEquals(new ClientDays(31, 1, 9, 9), january(starts("c-g", 4, LocalDate.of(2025, 6, 1)),
                plan("c-g", 2, 9, 4.0, FROM)));
        // a drop to zero on the last day: that day is not counted, the end is 0
        assertEquals(new ClientDays(30, 1, 4, 0), january(starts("c-h", 4, LocalDate.of(2025, 6, 1)),
                plan("c-h", 2, 0, 4.0, TO)));
    }

    @Test
    void aClientWithoutSupportInTheWindowIsNotCounted() {
        // ended before the window
        assertEquals(new ClientDays(0, 0, 0, 0), january(starts("c-i", 6, LocalDate.of(2025, 6, 1)),
                plan("c-i", 2, 0, 6.0, LocalDate.of(2025, 12, 1))));
        // starts after it (a change after the window's end is not in force)
        assertEquals(new ClientDays(0, 0, 0, 0), january(starts("c-j", 6, LocalDate.of(2026, 2, 1))));
        // planned at zero
        assertEquals(new ClientDays(0, 0, 0, 0), january(starts("c-k", 0, LocalDate.of(2025, 6, 1))));
    }

    @Test
    void aHistoryStartingWithAChangeUsesTheHoursItChangedFrom() {
        // set up before histories were kept: 7 hours until the change recorded on the 11th
        assertEquals(new ClientDays(31, 1, 7, 11), january(plan("c-l", 4, 11, 7.0, LocalDate.of(2026, 1, 11))));
    }

    @Test
    void clientsAddUpWhateverTheOrderOfTheChanges() {
        List<PlannedHoursChange> changes = new ArrayList<>(List.of(
                starts("c-a", 14, LocalDate.of(2025, 6, 1)),
                starts("c-b", 5, LocalDate.of(2026, 1, 16)),
                starts("c-c", 10, LocalDate.of(2025, 6, 1)),
                plan("c-c", 2, 0, 10.0, LocalDate.of(2026, 1, 21)),
                starts("c-j", 6, LocalDate.of(2026, 2, 1))));
        ClientDays expected = new ClientDays(31 + 16 + 20, 3, 14 + 0 + 10, 14 + 5 + 0);
        assertEquals(expected, ClientDays.of(changes, FROM, TO));
        assertEquals(expected, ClientDays.of(changes.reversed(), FROM, TO));
    }

    @Test
    void oneDayWindow() {
        LocalDate day = LocalDate.of(2026, 1, 21);
        assertEquals(new ClientDays(1, 1, 10, 10), ClientDays.of(List.of(starts("c-c", 10, LocalDate.of(2025, 6, 1))),
                day, day));
    }

    @Test
    void anEndBeforeTheStartIsNone() {
        assertSame(ClientDays.NONE, ClientDays.of(List.of(starts("c-a", 14, LocalDate.of(2025, 6, 1))), TO, FROM));
        assertEquals(new ClientDays(0, 0, 0, 0), ClientDays.NONE);
    }

    @Test
    void noChangesNoDays() {
        assertEquals(ClientDays.NONE, january());
    }

    @Test
    void plusAddsEveryPart() {
        ClientDays north = new ClientDays(62, 2, 24, 20.5);
        ClientDays south = new ClientDays(31, 1, 10.5, 12);
        assertEquals(new ClientDays(93, 3, 34.5, 32.5), north.plus(south));
        assertEquals(north, north.plus(ClientDays.NONE));
        assertEquals(north, ClientDays.NONE.plus(north));
    }
}
