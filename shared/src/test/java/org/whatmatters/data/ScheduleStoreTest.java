package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.whatmatters.domain.Visit;
import org.whatmatters.testing.TestTable;

/** Schedules on DynamoDB Local: the pattern round-trips, the three listings, optimistic changes. */
class ScheduleStoreTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static CareSchedule schedule(String id, String client, String team, LocalDate from, LocalDate to,
                                         long version) {
        return new CareSchedule(id, client, team, List.of(
                new ScheduleEntry("e-1", Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 45),
                        Duration.ofMinutes(75), ServiceType.MEDICATION_SUPPORT, List.of("w-amara", "w-ben")),
                new ScheduleEntry("e-2", Set.of(DayOfWeek.SUNDAY), LocalTime.of(23, 30), Duration.ofHours(2),
                        ServiceType.RESPITE, List.of("w-dev"))),
                from, to, new Location("14 Orchard Lane", 53.8, -1.58), "w-amara", AT, version);
    }

    @Test
    void aScheduleRoundTripsAndIsListedByClientTeamAndEnd() {
        ScheduleStore store = new ScheduleStore(new TestTable().data());
        CareSchedule open = schedule("s-1", "c-rosa", "t-north", LocalDate.of(2026, 11, 23), null, 1);
        CareSchedule ended = schedule("s-2", "c-rosa", "t-north", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 30), 1);
        CareSchedule endsSoon = schedule("s-3", "c-arthur", "t-south", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 1), 1);
        assertTrue(store.create(open));
        assertTrue(store.create(ended));
        assertTrue(store.create(endsSoon));
        assertFalse(store.create(open), "created once only");

        assertEquals(open, store.find("s-1").orElseThrow());
        assertEquals(List.of("s-2", "s-1"), store.ofClient("c-rosa").stream().map(CareSchedule::scheduleId).toList());
        assertEquals(List.of("s-3"), store.ofTeam("t-south").stream().map(CareSchedule::scheduleId).toList());
        assertEquals(List.of("s-3", "s-1"), store.inForce(LocalDate.of(2026, 11, 23)).stream()
                .map(CareSchedule::scheduleId).toList());
        assertEquals(List.of("s-1"), store.inForce(LocalDate.of(2026, 12, 2)).stream()
                .map(CareSchedule::scheduleId).toList());
    }

    @Test
    void aChangeFromAStaleVersionWritesNothing() {
        ScheduleStore store = new ScheduleStore(new TestTable().data());
        CareSchedule v1 = schedule("s-1", "c-rosa", "t-north", LocalDate.of(2026, 11, 23), null, 1);
        store.create(v1);
        CareSchedule v2 = schedule("s-1", "c-rosa", "t-north", LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 1), 2);
        assertTrue(store.replace(v2, 1));
        assertFalse(store.replace(schedule("s-1", "c-rosa", "t-north", LocalDate.of(2026, 12, 1), null, 2), 1));
        assertEquals(v2, store.find("s-1").orElseThrow());
    }

    @Test
    void aGeneratedVisitIsCreatedOnceAndDeletedOnlyIfUntouched() {
        TestTable table = new TestTable();
        VisitStore visits = new VisitStore(table.data());
        Visit v = Visit.planned("v-gen-1", "c-rosa", "t-north", ServiceType.PERSONAL_CARE, LocalDate.of(2026, 11, 26),
                Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"), List.of("w-amara"),
                new Location("14 Orchard Lane", null, null), "s-1", "w-amara", AT);
        assertTrue(visits.createIfAbsent(v));
        assertFalse(visits.createIfAbsent(v));
        assertEquals(List.of(v), visits.ofSchedule("c-rosa", "s-1", AT, AT.plus(Duration.ofDays(10))));
        assertEquals(List.of(), visits.ofSchedule("c-rosa", "s-2", AT, AT.plus(Duration.ofDays(10))));

        Visit moved = v.rescheduled(v.serviceDate(), v.plannedStart().plusSeconds(600), v.plannedEnd(), v.workerIds(), AT);
        assertTrue(visits.replace(moved, v, List.of()));
        assertFalse(visits.deleteIfUntouched(moved), "moved by hand: kept");
        assertFalse(visits.deleteIfUntouched(v), "a stale read: kept");
        assertTrue(visits.find("v-gen-1").isPresent());

        Visit other = Visit.planned("v-gen-2", "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                LocalDate.of(2026, 11, 27), Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T10:00:00Z"), List.of("w-amara"), new Location("14 Orchard Lane", null, null),
                "s-1", "w-amara", AT);
        visits.createIfAbsent(other);
        assertTrue(visits.deleteIfUntouched(other));
        assertTrue(visits.find("v-gen-2").isEmpty());
    }

    @Test
    void manyGeneratedVisitsAreCreatedInBatchesAndOneMadeMeanwhileIsSkipped() {
        VisitStore visits = new VisitStore(new TestTable().data());
        List<Visit> plans = new java.util.ArrayList<>();
        for (int day = 0; day < 120; day++) {
            Instant start = Instant.parse("2026-11-24T09:00:00Z").plus(Duration.ofDays(day));
            plans.add(Visit.planned("v-batch-" + day, "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                    LocalDate.ofInstant(start, java.time.ZoneOffset.UTC), start, start.plus(Duration.ofHours(1)),
                    List.of("w-amara"), new Location("14 Orchard Lane", null, null), "s-1", "w-amara", AT));
        }
        assertTrue(visits.createIfAbsent(plans.get(70)));
        assertEquals(119, visits.createAllIfAbsent(plans));
        assertEquals(0, visits.createAllIfAbsent(plans));
        assertEquals(120, visits.ofSchedule("c-rosa", "s-1", AT, AT.plus(Duration.ofDays(200))).size());
    }
}
