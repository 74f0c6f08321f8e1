package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.Counters;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.visits.Punctuality;
import org.whatmatters.visits.VisitCounters;
import org.whatmatters.visits.VisitRules;
import org.whatmatters.visits.VisitTiming;

/**
 * Reference test for the rota figures: a small month of visits, every figure worked out by hand below, and the
 * production code (VisitTiming per visit, VisitCounters as each visit ends, then RotaCounts, TeamRota and
 * RotaFigures on the counters added up) must agree with every one.
 *
 * <p>The data set: fifteen visits in November 2026, each planned 09:00–10:00 (60 minutes), the stack's default
 * rules (on time within ±15 minutes of the planned start; short when delivered under 75% of planned, i.e. under
 * 45 of 60 minutes):
 * <pre>
 * visit  what happened                                   punctuality  late  delivered  short
 * v01    in 09:00, out 10:00                             on time         0      60      no
 * v02    in 09:15, out 10:15  (the +15 edge)             on time        15      60      no
 * v03    in 08:45, out 09:45  (the −15 edge)             on time       −15      60      no
 * v04    in 09:20, out 10:20                             late           20      60      no
 * v05    in 08:30, out 09:30  (30 early)                 early         −30      60      no
 * v06    in 09:05, out 09:40                             on time         5      35      yes (35 &lt; 45)
 * v07    in 09:00, out 09:45  (the 75% edge)             on time         0      45      no  (45 is not under 45)
 * v08    in 09:16, out 10:00                             late           16      44      yes
 * v09    missed at 10:30, then in 10:50, out 11:30      late          110      40      yes (the miss taken back)
 * v10    missed                                          –               –       –       –
 * v11    missed                                          –               –       –       –
 * v12    cancelled, asked by the client (a day before)
 * v13    cancelled, asked by the family
 * v14    cancelled, asked by the provider
 * v15    cancelled, asked by the client
 * </pre>
 * By hand: completed = v01–v09 = 9; on time = v01, v02, v03, v06, v07 = 5; late = v04, v08, v09 = 3, 20 + 16 + 110
 * = 146 minutes; early = v05 = 1 (5 + 3 + 1 = 9); short = v06, v08, v09 = 3; missed = v10, v11 = 2 (v09 counted
 * once, as completed); planned visits = completed + missed = 11; cancelled = 4: client 2, family 1, provider 1.
 * Planned minutes = 11 × 60 = 660 = 11.0 hours; delivered = 5 × 60 (v01–v05) + 35 + 45
 * + 44 + 40 = 464 minutes = 7.733… = 7.7 hours.
 * % on time = 5 / 9 = 55.555… = 55.6; missed per 1,000 planned = 1000 × 2 / 11 = 181.818… = 181.8;
 * % short = 3 / 9 = 33.333… = 33.3; mean minutes late = 146 / 3 = 48.666… = 48.7 (all half up, one decimal).
 */
class RotaReferenceTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final VisitRules RULES = VisitRules.DEFAULTS;
    private static final Instant RECORDED = Instant.parse("2026-12-01T08:00:00Z");

    /** One visit's expected figures: punctuality, minutes late, delivered minutes, short. */
    private record Expected(String id, Punctuality punctuality, Long minutesLate, Long delivered, Boolean shortVisit) {
    }

    private static final List<Expected> TIMINGS = List.of(
            new Expected("v01", Punctuality.ON_TIME, 0L, 60L, false),
            new Expected("v02", Punctuality.ON_TIME, 15L, 60L, false),
            new Expected("v03", Punctuality.ON_TIME, -15L, 60L, false),
            new Expected("v04", Punctuality.LATE, 20L, 60L, false),
            new Expected("v05", Punctuality.EARLY, -30L, 60L, false),
            new Expected("v06", Punctuality.ON_TIME, 5L, 35L, true),
            new Expected("v07", Punctuality.ON_TIME, 0L, 45L, false),
            new Expected("v08", Punctuality.LATE, 16L, 44L, true),
            new Expected("v09", Punctuality.LATE, 110L, 40L, true));

    /** Day n of November, 09:00–10:00 UTC (GMT: the provider's day and time). */
    private static Visit planned(String id, int day) {
        LocalDate d = NOVEMBER.atDay(day);
        Instant start = Instant.parse(d + "T09:00:00Z");
        return Visit.planned(id, day % 2 == 0 ? "c-1" : "c-2", "t-a", ServiceType.PERSONAL_CARE, d, start,
                start.plusSeconds(3600), List.of("w-a"), new Location("1 High Street", null, null), null, "a-admin",
                RECORDED);
    }

    private static Instant at(Visit v, String time) {
        return Instant.parse(v.serviceDate() + "T" + time + ":00Z");
    }

    private static Visit done(Visit v, String in, String out) {
        return v.checkedIn(at(v, in), "w-a", null, RECORDED).checkedOut(at(v, out), "w-a", null, null, RECORDED);
    }

    private static Visit cancelled(Visit v, CancellationRequester who) {
        return v.cancelled(new Cancellation(who, "asked", v.plannedStart().minusSeconds(86_400), RECORDED, "a-admin"),
                RECORDED);
    }

    /** The deltas of each write, as DynamoDB would ADD them to the team-month item, one transaction each. */
    private final List<Map<String, Long>> writes = new ArrayList<>();
    private final List<Visit> completed = new ArrayList<>();

    private void write(Consumer<Counters.Builder> deltas) {
        Counters.Builder b = Counters.on(AggregateKey.teamMonth("t-a", NOVEMBER));
        deltas.accept(b);
        writes.add(b.build().deltas());
    }

    private void complete(Visit v) {
        completed.add(v);
        write(b -> VisitCounters.completed(v, RULES, b));
    }

    /** The month of the table above, written as the visits service writes it. */
    private Map<String, Long> month() {
        complete(done(planned("v01", 2), "09:00", "10:00"));
        complete(done(planned("v02", 3), "09:15", "10:15"));
        complete(done(planned("v03", 4), "08:45", "09:45"));
        complete(done(planned("v04", 5), "09:20", "10:20"));
        complete(done(planned("v05", 6), "08:30", "09:30"));
        complete(done(planned("v06", 9), "09:05", "09:40"));
        complete(done(planned("v07", 10), "09:00", "09:45"));
        complete(done(planned("v08", 11), "09:16", "10:00"));
        Visit due = planned("v09", 12);
        Visit v09 = due.flaggedMissed(at(due, "10:30"));
        write(b -> VisitCounters.missed(v09, b));
        Visit in = v09.checkedIn(at(v09, "10:50"), "w-a", null, RECORDED);
        write(b -> VisitCounters.unmissed(in, b));
        complete(in.checkedOut(at(in, "11:30"), "w-a", null, null, RECORDED));
        for (String id : List.of("v10", "v11")) {
            Visit missed = planned(id, id.equals("v10") ? 16 : 17).flaggedMissed(RECORDED);
            write(b -> VisitCounters.missed(missed, b));
        }
        int day = 18;
        for (CancellationRequester who : List.of(CancellationRequester.CLIENT, CancellationRequester.FAMILY,
                CancellationRequester.PROVIDER, CancellationRequester.CLIENT)) {
            Visit c = cancelled(planned("v" + (12 + day - 18), day++), who);
            write(b -> VisitCounters.cancelled(c, b));
        }
        return Activity.sum(writes);
    }

    @Test
    void eachVisitsPunctualityAndMinutesAgreeWithTheTable() {
        month();
        assertEquals(TIMINGS.size(), completed.size());
        for (int i = 0; i < TIMINGS.size(); i++) {
            Expected e = TIMINGS.get(i);
            VisitTiming t = VisitTiming.of(completed.get(i), RULES);
            assertEquals(e.id(), completed.get(i).visitId());
            assertEquals(new VisitTiming(60, e.punctuality(), e.minutesLate(), e.delivered(), e.shortVisit()), t, e.id());
        }
    }

    @Test
    void theCountersAreTheHandCounts() {
        Map<String, Long> c = month();
        assertEquals(9, c.get(Counter.VISITS));
        assertEquals(5, c.get(Counter.ON_TIME));
        assertEquals(3, c.get(Counter.LATE));
        assertEquals(146, c.get(Counter.LATE_MINUTES));
        assertEquals(3, c.get(Counter.SHORT));
        assertEquals(2, c.get(Counter.MISSED));
        assertEquals(4, c.get(Counter.CANCELLED));
        assertEquals(660, c.get(Counter.PLANNED_MINUTES));
        assertEquals(464, c.get(Counter.DELIVERED_MINUTES));
        // by person: c-1 has the even days (v01, v03, v05, v07, v09, v10), c-2 the odd ones (v02, v04, v06, v08, v11):
        // late c-1 = v09, c-2 = v04, v08; missed c-1 = v10 (v09's miss taken back), c-2 = v11
        assertEquals(1, c.get(Counter.lateFor("c-1")));
        assertEquals(2, c.get(Counter.lateFor("c-2")));
        assertEquals(1, c.get(Counter.missedFor("c-1")));
        assertEquals(1, c.get(Counter.missedFor("c-2")));
        assertEquals(2, c.get(Counter.cancelledBy("client")));
        assertEquals(1, c.get(Counter.cancelledBy("family")));
        assertEquals(1, c.get(Counter.cancelledBy("provider")));
    }

    @Test
    void theTeamSeesEveryFigureAsWorkedOutByHand() {
        TeamRota r = TeamRota.of(RotaCounts.of(month()));
        assertEquals(11, r.plannedVisits());
        assertEquals(9, r.completedVisits());
        assertEquals(5, r.onTime());
        assertEquals(3, r.late());
        assertEquals(2, r.missed());
        assertEquals(3, r.shortVisits());
        assertEquals(4, r.cancelled());
        assertEquals(List.of(new TeamRota.CancellationCount(CancellationRequester.CLIENT, 2),
                new TeamRota.CancellationCount(CancellationRequester.FAMILY, 1),
                new TeamRota.CancellationCount(CancellationRequester.PROVIDER, 1)), r.cancelledBy());
        assertEquals(55.6, r.onTimePercent());
        assertEquals(181.8, r.missedPer1000Planned());
        assertEquals(33.3, r.shortPercent());
        assertEquals(48.7, r.meanMinutesLate());
        assertEquals(11.0, r.plannedHours());
        assertEquals(7.7, r.deliveredHours());
    }

    /**
     * The same month for a commissioner: missed (2) is a small count, so planned (11) = completed + missed would
     * give it away; completed (9, the smallest other part) is suppressed too (secondary), which leaves two hidden
     * cells summing to 11 &gt; 5 + 1: safe. % on time and % short rest on the completed count: suppressed with it
     * (secondary). Missed per 1,000 would reveal the missed count: small-count. Cancellations total 4: small, and
     * every part (2, 1, 1) small. Hours are shown.
     */
    @Test
    void aSmallMonthIsSuppressedForTheCommissioner() {
        Map<String, Long> c = month();
        RotaFigures f = RotaFigures.of(RotaCounts.of(c));
        assertEquals(Figure.of(11L), f.plannedVisits());
        assertEquals(Figure.suppressed(Suppression.SECONDARY), f.completedVisits());
        assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), f.missedVisits());
        assertEquals(Figure.suppressed(Suppression.SECONDARY), f.onTimePercent());
        assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), f.missedPer1000Planned());
        assertEquals(Figure.suppressed(Suppression.SECONDARY), f.shortPercent());
        assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), f.cancellations().total());
        f.cancellations().cells().forEach(cell -> assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), cell.count()));
        assertEquals(Figure.of(11.0), f.plannedHours(), "planned visits (11) are shown");
        assertEquals(Figure.suppressed(Suppression.SECONDARY), f.deliveredHours(),
                "delivered hours go with the completed visits they add up");
        // the contract's visits figure is the same protected cell
        assertEquals(f.completedVisits(), ContractActivity.compile(List.of(c), 0).visits());
    }

    /**
     * Five such months (five teams' Novembers on one contract): every count × 5, so none is 1–4: completed 45, of
     * which on time 25 and not 20, short 15 and not 30; missed 10; planned 55; cancellations 20: client 10, family
     * 5, provider 5. The percentages are unchanged: 25 / 45 = 55.6; 1000 × 10 / 55 = 181.8; 15 / 45 = 33.3. Hours:
     * 3,300 minutes = 55.0; 2,320 minutes = 38.666… = 38.7.
     */
    @Test
    void aLargerContractIsShownToTheCommissioner() {
        Map<String, Long> one = month();
        RotaFigures f = ContractActivity.compile(Collections.nCopies(5, one), 0).rota();
        assertEquals(Figure.of(55L), f.plannedVisits());
        assertEquals(Figure.of(45L), f.completedVisits());
        assertEquals(Figure.of(10L), f.missedVisits());
        assertEquals(Figure.of(55.6), f.onTimePercent());
        assertEquals(Figure.of(181.8), f.missedPer1000Planned());
        assertEquals(Figure.of(33.3), f.shortPercent());
        assertEquals(Figure.of(20L), f.cancellations().total());
        assertEquals(Figure.of(10L), f.cancellations().cell(CancellationRequester.CLIENT));
        assertEquals(Figure.of(5L), f.cancellations().cell(CancellationRequester.FAMILY));
        assertEquals(Figure.of(5L), f.cancellations().cell(CancellationRequester.PROVIDER));
        assertEquals(Figure.of(55.0), f.plannedHours());
        assertEquals(Figure.of(38.7), f.deliveredHours());
    }

    /**
     * A percentage gives away the rest of its base: 12 completed, 10 on time, so 2 not on time: % on time (83.3)
     * would reveal a count of 2. Suppressed (small-count) although on time (10) and completed (12) are not small.
     * Likewise 1 short of 12. Nothing to divide by: no percentage at all (absent, not 0).
     */
    @Test
    void aPercentageIsSuppressedWhenTheCountItRevealsIsSmall() {
        RotaCounts r = new RotaCounts(12, 10, 2, 40, 1, 0, Map.of(), 720, 700);
        RotaFigures f = RotaFigures.of(r);
        assertEquals(Figure.of(12L), f.completedVisits());
        assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), f.onTimePercent());
        assertEquals(Figure.suppressed(Suppression.SMALL_COUNT), f.shortPercent());
        assertEquals(Figure.of(0.0), f.missedPer1000Planned());
        RotaFigures none = RotaFigures.of(RotaCounts.of(Map.of()));
        assertNull(none.onTimePercent());
        assertNull(none.missedPer1000Planned());
        assertNull(none.shortPercent());
        assertEquals(Figure.of(0L), none.plannedVisits());
        TeamRota empty = TeamRota.of(RotaCounts.of(Map.of()));
        assertNull(empty.onTimePercent());
        assertNull(empty.meanMinutesLate());
    }
}
