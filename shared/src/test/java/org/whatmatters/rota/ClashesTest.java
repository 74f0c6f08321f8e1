package org.whatmatters.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;

/** Double-booking by pattern: same worker, same weekday, overlapping times, overlapping validity. */
class ClashesTest {

    private static ScheduleEntry line(String id, DayOfWeek day, String start, int minutes, String... workers) {
        return new ScheduleEntry(id, Set.of(day), LocalTime.parse(start), Duration.ofMinutes(minutes),
                ServiceType.PERSONAL_CARE, List.of(workers));
    }

    private static CareSchedule schedule(String id, LocalDate from, LocalDate to, ScheduleEntry... lines) {
        return new CareSchedule(id, "c-" + id, "t-north", List.of(lines), from, to, new Location("x", null, null),
                "w-amara", Instant.EPOCH, 1);
    }

    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);

    @Test
    void touchingEndToStartIsNoClashButOneMinuteOverIs() {
        CareSchedule a = schedule("a", JAN, null, line("e1", DayOfWeek.MONDAY, "09:00", 60, "w-amara"));
        CareSchedule touching = schedule("b", JAN, null, line("e2", DayOfWeek.MONDAY, "10:00", 30, "w-amara"));
        CareSchedule over = schedule("c", JAN, null, line("e3", DayOfWeek.MONDAY, "09:59", 30, "w-ben", "w-amara"));
        assertTrue(Clashes.first(touching, List.of(a)).isEmpty());
        Clashes.Clash c = Clashes.first(over, List.of(a, touching)).orElseThrow();
        assertEquals("w-amara", c.workerId());
        assertEquals("a", c.other().scheduleId());
        assertEquals(DayOfWeek.MONDAY, c.day());
    }

    @Test
    void otherWorkersOtherDaysAndSeparateValidityDoNotClash() {
        CareSchedule a = schedule("a", JAN, LocalDate.of(2027, 3, 31), line("e1", DayOfWeek.MONDAY, "09:00", 60, "w-amara"));
        assertTrue(Clashes.first(schedule("b", JAN, null, line("e", DayOfWeek.MONDAY, "09:00", 60, "w-ben")),
                List.of(a)).isEmpty());
        assertTrue(Clashes.first(schedule("c", JAN, null, line("e", DayOfWeek.TUESDAY, "09:00", 60, "w-amara")),
                List.of(a)).isEmpty());
        assertTrue(Clashes.first(schedule("d", LocalDate.of(2027, 4, 1), null,
                line("e", DayOfWeek.MONDAY, "09:00", 60, "w-amara")), List.of(a)).isEmpty());
        assertTrue(Clashes.first(schedule("e", LocalDate.of(2027, 3, 31), null,
                line("e", DayOfWeek.MONDAY, "09:00", 60, "w-amara")), List.of(a)).isPresent(), "the last day counts");
    }

    @Test
    void aSundayNightLineRunsIntoMondayAndItselfIsNeverAClash() {
        CareSchedule own = schedule("a", JAN, null, line("e1", DayOfWeek.SUNDAY, "23:00", 120, "w-dev"),
                line("e2", DayOfWeek.MONDAY, "00:30", 30, "w-dev"));
        Clashes.Clash c = Clashes.first(own, List.of(own)).orElseThrow();
        assertEquals("a", c.other().scheduleId());
        assertEquals(DayOfWeek.SUNDAY, c.day());
        assertEquals(DayOfWeek.MONDAY, c.otherDay());
        CareSchedule single = schedule("b", JAN, null, new ScheduleEntry("e", Set.of(DayOfWeek.values()),
                LocalTime.of(20, 0), Duration.ofHours(12), ServiceType.RESPITE, List.of("w-dev")));
        assertTrue(Clashes.first(single, List.of(single)).isEmpty());
    }
}
