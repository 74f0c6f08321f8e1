package org.whatmatters.rota;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.whatmatters.config.Env;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.ops.Metric;

/**
 * Turns a schedule into planned visits from today to {@code daysAhead} days on, in the provider's zone. Safe to
 * run again at any time: a visit's id is its schedule, line and day, so a rerun finds it and creates nothing twice.
 * After a change, only visits still to come that nobody touched follow the schedule (moved, or removed when the
 * pattern no longer has them); started, missed, cancelled, past and hand-moved visits stay as they are.
 */
@Singleton
public final class VisitGeneration {

    public static final int DAYS_AHEAD_DEFAULT = 14;
    public static final int DAYS_AHEAD_MAX = 60;
    /** How far ahead earlier runs may have generated (a longer setting since lowered): checked after a change. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(DAYS_AHEAD_MAX + 2);

    private final VisitStore visits;
    private final Clock clock;
    private final int daysAhead;

    @Inject
    public VisitGeneration(VisitStore visits, Clock clock, Env env) {
        this(visits, clock, daysAhead(env));
    }

    public VisitGeneration(VisitStore visits, Clock clock, int daysAhead) {
        this.visits = visits;
        this.clock = clock;
        this.daysAhead = daysAhead;
    }

    /** VISIT_DAYS_AHEAD, 1 to {@value #DAYS_AHEAD_MAX}; the template's parameter keeps it in range. */
    static int daysAhead(Env env) {
        int days = env.get("VISIT_DAYS_AHEAD").filter(s -> !s.isBlank()).map(String::strip).map(Integer::parseInt)
                .orElse(DAYS_AHEAD_DEFAULT);
        if (days < 1 || days > DAYS_AHEAD_MAX) {
            throw new IllegalStateException("VISIT_DAYS_AHEAD must be 1 to " + DAYS_AHEAD_MAX + ", not " + days);
        }
        return days;
    }

    public Generated roll(CareSchedule schedule) {
        return roll(schedule, clock.instant());
    }

    /** Brings the schedule's visits in line with it as of {@code now}. */
    public Generated roll(CareSchedule schedule, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        LocalDate last = today.plusDays(daysAhead);
        List<Visit> existing = visits.ofSchedule(schedule.clientId(), schedule.scheduleId(), now, now.plus(LOOK_AHEAD));
        LocalDate planTo = existing.stream().map(Visit::serviceDate).filter(last::isBefore).max(LocalDate::compareTo)
                .orElse(last);
        Map<String, Visit> plans = new LinkedHashMap<>();
        for (Occurrence o : Occurrences.between(schedule, today, planTo, clock.getZone())) {
            if (o.plannedStart().isAfter(now)) {
                plans.put(o.visitId(), plan(schedule, o, now));
            }
        }
        int updated = 0;
        int removed = 0;
        Set<String> known = new HashSet<>();
        for (Visit visit : existing) {
            known.add(visit.visitId());
            if (visit.status() != VisitStatus.PLANNED || visit.editedByHand() || !visit.plannedStart().isAfter(now)) {
                continue;
            }
            Visit plan = plans.get(visit.visitId());
            if (plan == null) {
                removed += visits.deleteIfUntouched(visit) ? 1 : 0;
            } else if (!samePlan(visit, plan)) {
                // Someone may have started or moved it since it was read: then it is theirs and stays.
                updated += visits.replace(visit.regenerated(plan, now), visit, List.of()) ? 1 : 0;
            }
        }
        int created = visits.createAllIfAbsent(plans.values().stream()
                .filter(p -> !p.serviceDate().isAfter(last) && !known.contains(p.visitId())).toList());
        Metric.VISITS_GENERATED.add(created);
        return new Generated(created, updated, removed);
    }

    private static Visit plan(CareSchedule s, Occurrence o, Instant now) {
        ScheduleEntry line = s.entries().stream().filter(e -> e.entryId().equals(o.entryId())).findFirst()
                .orElseThrow();
        return Visit.planned(o.visitId(), s.clientId(), s.teamId(), line.serviceType(), o.day(), o.plannedStart(),
                o.plannedEnd(), line.preferredWorkers(), s.location(), s.scheduleId(), s.createdBy(), now);
    }

    private static boolean samePlan(Visit a, Visit b) {
        return a.serviceType() == b.serviceType() && a.serviceDate().equals(b.serviceDate())
                && a.plannedStart().equals(b.plannedStart()) && a.plannedEnd().equals(b.plannedEnd())
                && a.workerIds().equals(b.workerIds()) && Objects.equals(a.location(), b.location());
    }
}
