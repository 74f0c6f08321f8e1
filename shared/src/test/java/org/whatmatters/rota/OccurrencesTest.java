package org.whatmatters.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;

/** A weekly pattern turned into visits: local times across the clock changes, reruns and windows. */
class OccurrencesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant T = Instant.parse("2027-01-04T09:00:00Z");

    static CareSchedule schedule(LocalDate from, LocalDate to, ScheduleEntry... entries) {
        return new CareSchedule("sch-1", "c-rosa", "t-north", List.of(entries), from, to,
                new Location("14 Orchard Lane, Leeds LS6 2AB", null, null), "w-amara", T, 1);
    }

    static ScheduleEntry entry(String id, LocalTime start, int minutes, DayOfWeek... days) {
        return new ScheduleEntry(id, EnumSet.copyOf(List.of(days)), start, Duration.ofMinutes(minutes),
                ServiceType.values()[0], List.of("w-amara"));
    }

    @Test
    void aWeeklyPatternMakesTwoWeeksOfVisitsOnItsDaysAtItsLocalTimes() {
        CareSchedule s = schedule(LocalDate.parse("2027-01-04"), null,
                entry("morning", LocalTime.of(9, 0), 60, DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                entry("tea", LocalTime.of(17, 30), 30, DayOfWeek.SUNDAY));
        List<Occurrence> two = Occurrences.between(s, LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-17"), LONDON);
        assertEquals(6, two.size());
        assertEquals(List.of("2027-01-04T09:00:00Z", "2027-01-07T09:00:00Z", "2027-01-10T17:30:00Z",
                "2027-01-11T09:00:00Z", "2027-01-14T09:00:00Z", "2027-01-17T17:30:00Z"),
                two.stream().map(o -> o.plannedStart().toString()).toList());
        assertEquals(Duration.ofMinutes(30), Duration.between(two.get(2).plannedStart(), two.get(2).plannedEnd()));
        assertEquals(6, new HashSet<>(two.stream().map(Occurrence::visitId).toList()).size(), "one id per visit");
    }

    @Test
    void theClockChangesOfMarchAndOctoberKeepLocalTimes() {
        CareSchedule s = schedule(LocalDate.parse("2027-01-01"), null,
                entry("morning", LocalTime.of(9, 0), 60, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                entry("night", LocalTime.of(1, 30), 60, DayOfWeek.SUNDAY));
        // 28 March 2027: 01:00 GMT becomes 02:00 BST.
        List<Occurrence> march = Occurrences.between(s, LocalDate.parse("2027-03-27"), LocalDate.parse("2027-03-29"), LONDON);
        assertEquals(List.of("2027-03-27T09:00:00Z", "2027-03-28T01:30:00Z", "2027-03-28T08:00:00Z", "2027-03-29T08:00:00Z"),
                march.stream().map(o -> o.plannedStart().toString()).toList(),
                "09:00 local throughout; 01:30 does not exist that night and moves on to 02:30 BST");
        // 31 October 2027: 02:00 BST becomes 01:00 GMT; 01:30 happens twice and is its first.
        List<Occurrence> october = Occurrences.between(s, LocalDate.parse("2027-10-30"), LocalDate.parse("2027-11-01"), LONDON);
        assertEquals(List.of("2027-10-30T08:00:00Z", "2027-10-31T00:30:00Z", "2027-10-31T09:00:00Z", "2027-11-01T09:00:00Z"),
                october.stream().map(o -> o.plannedStart().toString()).toList());
        Occurrence night = october.get(1);
        assertEquals(Duration.ofMinutes(60), Duration.between(night.plannedStart(), night.plannedEnd()),
                "an hour of care is an hour, across the change");
    }

    @Test
    void theScheduleIsValidFromItsFirstToItsLastDayOnly() {
        CareSchedule s = schedule(LocalDate.parse("2027-01-06"), LocalDate.parse("2027-01-13"),
                entry("daily", LocalTime.of(10, 0), 45, DayOfWeek.values()));
        List<Occurrence> all = Occurrences.between(s, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"), LONDON);
        assertEquals(8, all.size());
        assertEquals(LocalDate.parse("2027-01-06"), all.getFirst().day());
        assertEquals(LocalDate.parse("2027-01-13"), all.getLast().day());
    }

    /** For random schedules: generating a window at once or in steps (and again) gives the same visits, none twice. */
    @Test
    void atOnceOrInStepsOrRerunTheVisitsAreTheSame() {
        Random random = new Random(20271031);
        for (int run = 0; run < 200; run++) {
            List<ScheduleEntry> entries = new ArrayList<>();
            int lines = 1 + random.nextInt(4);
            for (int e = 0; e < lines; e++) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (random.nextInt(3) == 0) {
                        days.add(d);
                    }
                }
                if (days.isEmpty()) {
                    days.add(DayOfWeek.of(1 + random.nextInt(7)));
                }
                entries.add(new ScheduleEntry("e" + e, days, LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                        Duration.ofMinutes(15 + 15 * random.nextInt(8)), ServiceType.values()[0], List.of()));
            }
            LocalDate start = LocalDate.parse("2027-01-01").plusDays(random.nextInt(365));
            LocalDate end = random.nextBoolean() ? null : start.plusDays(random.nextInt(120));
            CareSchedule s = schedule(start.minusDays(random.nextInt(10)), end, entries.toArray(ScheduleEntry[]::new));
            LocalDate from = start.minusDays(5);
            LocalDate to = from.plusDays(10 + random.nextInt(100));
            List<Occurrence> atOnce = Occurrences.between(s, from, to, LONDON);

            List<Occurrence> steps = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            LocalDate cursor = from;
            while (!cursor.isAfter(to)) {
                LocalDate stepEnd = cursor.plusDays(random.nextInt(14));
                stepEnd = stepEnd.isAfter(to) ? to : stepEnd;
                // A rerun over part of what was done already, as the daily job would on a retry.
                LocalDate rerunFrom = cursor.minusDays(random.nextInt(3));
                for (Occurrence o : Occurrences.between(s, rerunFrom.isBefore(from) ? from : rerunFrom, stepEnd, LONDON)) {
                    if (ids.add(o.visitId())) {
                        steps.add(o);
                    }
                }
                cursor = stepEnd.plusDays(1);
            }
            steps.sort(java.util.Comparator.comparing(Occurrence::plannedStart).thenComparing(Occurrence::visitId));
            assertEquals(atOnce, steps, "run " + run);
            assertEquals(atOnce.size(), new HashSet<>(atOnce.stream().map(Occurrence::visitId).toList()).size(),
                    "no visit twice, run " + run);
            assertTrue(atOnce.stream().allMatch(o -> s.coversDay(o.day())));
        }
    }
}
