package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.rota.Generated;
import org.whatmatters.rota.VisitGeneration;
import org.whatmatters.testing.TestTable;

/**
 * Random schedules, random edits (of the schedule and of its visits by hand) and reruns, on DynamoDB Local: the
 * visits are the same whether generated only when the schedule changes and at the end ("at once"), or many
 * times in between ("in steps", each step sometimes run twice), and nothing is generated twice. The weeks
 * chosen cross the clock changes of March and October 2027.
 */
class GenerationPropertyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CLIENT = "c-rosa";
    private static final List<String> WORKERS = List.of("w-amara", "w-ben", "w-dev");
    private static final Location HOME = new Location("14 Orchard Lane", null, null);
    private static final Location FLAT = new Location("2 Mill Court", 53.8, -1.55);

    private final VisitStore once = new VisitStore(new TestTable().data());
    private final VisitStore steps = new VisitStore(new TestTable().data());

    @Test
    void atOnceAndInStepsEndTheSameAndNothingIsGeneratedTwice() {
        long seed = Long.getLong("rota.seed", System.nanoTime());
        Random random = new Random(seed);
        int visits = 0;
        for (int run = 0; run < 20; run++) {
            visits += check(random, "s-prop-" + run, "seed " + seed + ", run " + run);
        }
        assertTrue(visits > 20, "the runs generated almost nothing (seed " + seed + ")");
    }

    private int check(Random random, String scheduleId, String label) {
        int daysAhead = 1 + random.nextInt(7);
        VisitGeneration atOnce = new VisitGeneration(once, Clock.systemUTC().withZone(LONDON), daysAhead);
        VisitGeneration inSteps = new VisitGeneration(steps, Clock.systemUTC().withZone(LONDON), daysAhead);
        Instant start = (random.nextBoolean() ? Instant.parse("2027-03-20T00:00:00Z")
                : Instant.parse("2027-10-24T00:00:00Z")).plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
        CareSchedule schedule = schedule(random, scheduleId, LocalDate.ofInstant(start, LONDON).minusDays(random.nextInt(3)),
                1);
        // Each change comes less than daysAhead after the last, as the daily run makes sure in production.
        int maxGapMinutes = daysAhead * 24 * 60 - 180;
        Instant now = start;
        int createdInSteps = 0;
        int removedInSteps = 0;
        atOnce.roll(schedule, now);
        Generated s = inSteps.roll(schedule, now);
        createdInSteps += s.created();
        removedInSteps += s.removed();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e <= edits; e++) {
            Instant next = now.plus(Duration.ofMinutes(60 + random.nextInt(maxGapMinutes)));
            for (Instant t = now.plus(Duration.ofMinutes(180 + random.nextInt(1800))); t.isBefore(next);
                 t = t.plus(Duration.ofMinutes(180 + random.nextInt(1800)))) {
                Generated step = inSteps.roll(schedule, t);
                createdInSteps += step.created();
                removedInSteps += step.removed();
                if (random.nextInt(4) == 0) {
                    assertEquals(Generated.NOTHING, inSteps.roll(schedule, t), label + ": a rerun changed visits");
                }
            }
            now = next;
            if (e < edits) {
                byHand(random, scheduleId, now);
                schedule = random.nextInt(5) == 0 ? ended(schedule, LocalDate.ofInstant(now, LONDON)
                        .plusDays(random.nextInt(4))) : schedule(random, scheduleId, schedule.validFrom(),
                        schedule.version() + 1, schedule.entries());
            }
            atOnce.roll(schedule, now);
            Generated step = inSteps.roll(schedule, now);
            createdInSteps += step.created();
            removedInSteps += step.removed();
            assertEquals(Generated.NOTHING, inSteps.roll(schedule, now), label + ": a rerun changed visits");
        }
        Map<String, List<Object>> a = state(once, scheduleId);
        Map<String, List<Object>> b = state(steps, scheduleId);
        assertEquals(a, b, label + ": at once and in steps differ");
        assertEquals(b.size(), createdInSteps - removedInSteps, label + ": a visit was generated twice");
        return b.size();
    }

    /** Moves one visit still to come by hand and cancels another, the same in both worlds. */
    private void byHand(Random random, String scheduleId, Instant now) {
        List<Visit> common = new ArrayList<>();
        List<Visit> inSteps = steps.ofSchedule(CLIENT, scheduleId, now, now.plus(Duration.ofDays(70)));
        for (Visit v : once.ofSchedule(CLIENT, scheduleId, now, now.plus(Duration.ofDays(70)))) {
            if (v.status() == VisitStatus.PLANNED && !v.editedByHand()
                    && inSteps.stream().anyMatch(o -> o.visitId().equals(v.visitId()))) {
                common.add(v);
            }
        }
        if (common.size() < 2 || random.nextBoolean()) {
            return;
        }
        Visit moved = common.get(random.nextInt(common.size()));
        Visit cancelled = common.stream().filter(v -> v != moved).findFirst().orElseThrow();
        for (VisitStore store : List.of(once, steps)) {
            Visit m = store.find(moved.visitId()).orElseThrow();
            store.replace(m.rescheduled(m.serviceDate(), m.plannedStart().plusSeconds(900),
                    m.plannedEnd().plusSeconds(900), List.of("w-dev"), now), m, List.of());
            Visit c = store.find(cancelled.visitId()).orElseThrow();
            store.replace(c.cancelled(null, now), c, List.of());
        }
    }

    private static Map<String, List<Object>> state(VisitStore store, String scheduleId) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Visit v : store.ofSchedule(CLIENT, scheduleId, Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2028-06-01T00:00:00Z"))) {
            out.put(v.visitId(), List.of(v.status(), v.serviceType(), v.serviceDate(), v.plannedStart(),
                    v.plannedEnd(), v.workerIds(), v.location(), v.editedByHand()));
        }
        return out;
    }

    private static CareSchedule schedule(Random random, String id, LocalDate from, long version) {
        return schedule(random, id, from, version, List.of());
    }

    /** A random pattern; some lines keep the ids of {@code before}'s, as an edit sends them back. */
    private static CareSchedule schedule(Random random, String id, LocalDate from, long version,
                                         List<ScheduleEntry> before) {
        List<ScheduleEntry> lines = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (random.nextInt(3) == 0) {
                    days.add(d);
                }
            }
            days.add(DayOfWeek.of(1 + random.nextInt(7)));
            String entryId = i < before.size() && random.nextBoolean() ? before.get(i).entryId() : "e-" + version + i;
            if (lines.stream().anyMatch(l -> l.entryId().equals(entryId))) {
                continue;
            }
            lines.add(new ScheduleEntry(entryId, days, LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                    Duration.ofMinutes(15 + 15L * random.nextInt(12)),
                    ServiceType.values()[random.nextInt(ServiceType.values().length)],
                    List.of(WORKERS.get(random.nextInt(WORKERS.size())))));
        }
        return new CareSchedule(id, CLIENT, "t-north", lines, from, null, random.nextBoolean() ? HOME : FLAT,
                "w-amara", Instant.parse("2027-01-01T00:00:00Z"), version);
    }

    private static CareSchedule ended(CareSchedule s, LocalDate validTo) {
        return new CareSchedule(s.scheduleId(), s.clientId(), s.teamId(), s.entries(), s.validFrom(), validTo,
                s.location(), s.createdBy(), s.createdAt(), s.version() + 1);
    }
}
