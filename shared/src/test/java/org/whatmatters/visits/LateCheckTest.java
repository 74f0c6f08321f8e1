package org.whatmatters.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.testing.TestTable;

/** The late and missed check on DynamoDB Local: what it marks, when, once, and what it counts. */
class LateCheckTest {

    private static final Instant NINE = Instant.parse("2026-12-03T09:00:00Z");
    private final TestTable table = new TestTable();
    private final VisitStore visits = new VisitStore(table.data());
    private final ActivityCounters counters = new ActivityCounters(new ContractStore(table.data()));

    private LateCheck at(Instant now) {
        return new LateCheck(visits, counters, VisitRules.DEFAULTS, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Visit planned(String id, Instant start, Duration length) {
        Visit v = Visit.planned(id, "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                LocalDate.ofInstant(start, ZoneId.of("Europe/London")), start, start.plus(length), List.of("w-amara"),
                new Location("14 Orchard Lane", null, null), "s-1", "w-amara", start.minus(Duration.ofDays(3)));
        visits.create(v);
        return v;
    }

    private Visit read(String id) {
        return visits.find(id).orElseThrow();
    }

    @Test
    void lateAfterFifteenMinutesThenMissedAfterTheEndAndGrace() {
        planned("v-1", NINE, Duration.ofHours(1));
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(14 * 60 + 59)).run(), "not late yet");
        assertEquals(new LateCheck.Result(1, 0), at(NINE.plusSeconds(15 * 60)).run());
        assertEquals(NINE.plusSeconds(15 * 60), read("v-1").lateAt());
        assertEquals(VisitStatus.PLANNED, read("v-1").status());
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(20 * 60)).run(), "told once");
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(89 * 60)).run(), "grace not over");
        assertEquals(new LateCheck.Result(0, 1), at(NINE.plusSeconds(90 * 60)).run());
        Visit missed = read("v-1");
        assertEquals(VisitStatus.MISSED, missed.status());
        assertEquals(NINE.plusSeconds(90 * 60), missed.missedAt());
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(120 * 60)).run(), "missed once");
        Map<String, Long> month = TestTable.aggregates(table.snapshot()).get("AGG#TEAM#t-north MONTH#2026-12");
        assertEquals(1L, month.get("missed"));
        assertEquals(60L, month.get("plannedMinutes"));
        assertEquals(1L, month.get("missed#c-rosa"));
    }

    @Test
    void aCheckAfterALongGapMarksMissedStraightAway() {
        planned("v-2", NINE, Duration.ofMinutes(30));
        assertEquals(new LateCheck.Result(0, 1), at(NINE.plusSeconds(3 * 3600)).run());
        Visit v = read("v-2");
        assertEquals(VisitStatus.MISSED, v.status());
        assertNotNull(v.lateAt(), "a missed visit was late too");
    }

    @Test
    void visitsCheckedInCancelledOrStillToComeAreLeftAlone() {
        Visit in = planned("v-in", NINE, Duration.ofHours(1));
        visits.replace(in.checkedIn(NINE.plusSeconds(60), "w-amara", null, NINE), in, List.of());
        Visit off = planned("v-off", NINE, Duration.ofHours(1));
        visits.replace(off.cancelled(new Cancellation(CancellationRequester.CLIENT, "Out", NINE.minusSeconds(3600),
                NINE.minusSeconds(3600), "w-amara"), NINE.minusSeconds(3600)), off, List.of());
        planned("v-later", NINE.plusSeconds(3600), Duration.ofHours(1));
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(30 * 60)).run());
        assertEquals(VisitStatus.IN_PROGRESS, read("v-in").status());
        assertEquals(VisitStatus.CANCELLED, read("v-off").status());
        assertNull(read("v-later").lateAt());
    }

    @Test
    void aVisitDueJustBeforeMidnightUtcIsFoundAfterIt() {
        Instant late = Instant.parse("2026-12-03T23:55:00Z");
        planned("v-night", late, Duration.ofMinutes(30));
        assertEquals(new LateCheck.Result(1, 0), at(late.plusSeconds(20 * 60)).run(), "yesterday's partition is read");
    }

    @Test
    void aMovedVisitIsWatchedFromItsNewStart() {
        Visit v = planned("v-move", NINE, Duration.ofHours(1));
        Instant later = NINE.plusSeconds(4 * 3600);
        visits.replace(v.rescheduled(v.serviceDate(), later, later.plusSeconds(3600), v.workerIds(), NINE.minusSeconds(60)),
                v, List.of());
        assertEquals(new LateCheck.Result(0, 0), at(NINE.plusSeconds(3 * 3600)).run(), "the old time no longer counts");
        assertEquals(new LateCheck.Result(1, 0), at(later.plusSeconds(16 * 60)).run());
    }
}
