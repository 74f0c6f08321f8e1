package org.whatmatters.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;

/** Which visit changes the family hears of, and as what. */
class VisitUpdatesTest {

    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant NOW = START.minus(Duration.ofDays(2));

    private static Visit visit(String scheduleId) {
        return Visit.planned("v-1", "c-rosa", "t-north", ServiceType.PERSONAL_CARE, LocalDate.of(2026, 12, 7), START,
                START.plusSeconds(3600), List.of("w-amara"), new Location("14 Orchard Lane", null, null), scheduleId,
                "w-amara", NOW);
    }

    private static Optional<UpdateType> update(Visit before, Visit after) {
        return ChangeReader.visitUpdate(before, after);
    }

    @Test
    void aVisitPlannedByHandIsAnnouncedOneFromTheRotaIsNot() {
        assertEquals(Optional.of(UpdateType.VISIT_PLANNED), update(null, visit(null)));
        assertEquals(Optional.empty(), update(null, visit("s-1")));
    }

    @Test
    void eachChangeOfAPlannedVisitHasItsType() {
        Visit v = visit("s-1");
        Cancellation why = new Cancellation(CancellationRequester.FAMILY, "Away", NOW, NOW, "w-amara");
        assertEquals(Optional.of(UpdateType.VISIT_CANCELLED), update(v, v.cancelled(why, NOW)));
        assertEquals(Optional.of(UpdateType.VISIT_CHANGED), update(v, v.rescheduled(v.serviceDate(),
                START.plusSeconds(3600), START.plusSeconds(7200), v.workerIds(), NOW)));
        assertEquals(Optional.of(UpdateType.VISIT_CHANGED), update(v, v.rescheduled(v.serviceDate(), START,
                START.plusSeconds(3600), List.of("w-ben"), NOW)));
        assertEquals(Optional.of(UpdateType.VISIT_LATE), update(v, v.flaggedLate(START.plusSeconds(900))));
        Visit late = v.flaggedLate(START.plusSeconds(900));
        assertEquals(Optional.of(UpdateType.VISIT_MISSED), update(late, late.flaggedMissed(START.plusSeconds(5400))));
        assertEquals(Optional.of(UpdateType.VISIT_STARTED), update(late, late.checkedIn(START.plusSeconds(1200),
                "w-amara", null, START.plusSeconds(1200))));
        Visit missed = late.flaggedMissed(START.plusSeconds(5400));
        assertEquals(Optional.of(UpdateType.VISIT_STARTED), update(missed, missed.checkedIn(START.plusSeconds(6000),
                "w-amara", null, START.plusSeconds(6000))), "a late check-in after a miss is told as an arrival");
        assertEquals(Optional.empty(), update(v, v), "a rewrite that changes nothing says nothing");
        Visit plan = v.rescheduled(v.serviceDate(), START.plusSeconds(1800), START.plusSeconds(5400), v.workerIds(), NOW);
        assertEquals(Optional.empty(), update(v, v.regenerated(plan, NOW)),
                "a rota change moves weeks of visits: not told one by one");
    }
}
