package org.whatmatters.shifts;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.Counters;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.Keys;
import org.whatmatters.data.ListQuery;
import org.whatmatters.data.ShiftStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Shift;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.RecordDates;

/**
 * Paid shifts, which workers record for themselves: the denominator of their team's Magic Number.
 * A shift counts in the month of the day it starts.
 */
@Singleton
public final class ShiftService {

    static final Duration LONGEST = Duration.ofHours(16);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TeamStore teams;
    private final ShiftStore shifts;
    private final ActivityCounters counters;
    private final Clock clock;

    @Inject
    public ShiftService(TeamStore teams, ShiftStore shifts, ActivityCounters counters, Clock clock) {
        this.teams = teams;
        this.shifts = shifts;
        this.counters = counters;
        this.clock = clock;
    }

    public Shift record(Caller caller, String teamId, RecordShift cmd) {
        requireTeam(caller, teamId);
        if (!caller.is(Role.WORKER) || caller.team().filter(teamId::equals).isEmpty()) {
            throw ProblemException.forbidden("Only a worker of the team records their own shifts");
        }
        if (teams.members(teamId).stream().noneMatch(m -> m.workerId().equals(caller.sub()))) {
            throw ProblemException.forbidden("You are not a member of team " + teamId + " (ask the provider admin)");
        }

        Instant now = clock.instant();
        Violations v = new Violations();
        v.required("start", cmd.start());
        v.required("end", cmd.end());
        v.after("end", cmd.end(), cmd.start(), "start");
        if (cmd.end() != null && cmd.end().isAfter(now.plus(CLOCK_SKEW))) {
            v.add("end", "must not be in the future: record a shift once it has ended");
        }
        if (cmd.start() != null && cmd.end() != null && cmd.end().isAfter(cmd.start())
                && Duration.between(cmd.start(), cmd.end()).compareTo(LONGEST) > 0) {
            v.add("end", "a shift lasts at most " + LONGEST.toHours() + " hours");
        }
        if (cmd.start() != null) {
            RecordDates.pastDay(v, "start", LocalDate.ofInstant(cmd.start(), clock.getZone()), LocalDate.now(clock));
        }
        v.throwIfAny();

        Instant start = cmd.start().truncatedTo(ChronoUnit.SECONDS);
        Instant end = cmd.end().truncatedTo(ChronoUnit.SECONDS);
        List<Shift> overlapping = shifts.ofWorkerStarting(teamId, caller.sub(), start.minus(LONGEST), end).stream()
                .filter(s -> s.end().isAfter(start)).toList();
        if (!overlapping.isEmpty()) {
            Shift other = overlapping.getFirst();
            throw ProblemException.conflict("This overlaps your shift " + other.shiftId() + " from " + other.start()
                    + " to " + other.end() + "; paid time is counted once");
        }
        long minutes = Duration.between(start, end).toMinutes();
        Shift shift = new Shift(shiftId(teamId, caller.sub(), start), teamId, caller.sub(), start, end,
                LocalDate.ofInstant(start, clock.getZone()), minutes, now);
        boolean created = shifts.create(shift, counters.count(teamId, shift.date(), b -> counted(shift, b)));
        if (!created) {
            throw ProblemException.conflict("You already recorded a shift starting at " + start
                    + "; paid time is counted once");
        }
        return shift;
    }

    public ShiftList list(Caller caller, String teamId, ListQuery q) {
        requireTeam(caller, teamId);
        Violations v = new Violations();
        ListQuery.Instants range = q.instants(v, clock.getZone());
        int size = q.size(v);
        v.throwIfAny();
        ItemPage<Shift> page = shifts.page(teamId, range.from(), range.to(), size, q.cursor());
        return new ShiftList(page.items(), page.nextCursor());
    }

    /** What a recorded shift adds to its month's aggregates. */
    public static void counted(Shift shift, Counters.Builder b) {
        b.add(Counter.SHIFTS, 1).add(Counter.SHIFT_MINUTES, shift.minutes())
                .add(Counter.shiftMinutesBy(shift.workerId()), shift.minutes());
    }

    /**
     * The overlap check above reads before it writes, so two copies of one shift sent at once could
     * both pass it; an id named by team, worker and start makes the second copy fail its create
     * condition instead, in the same transaction as the counters.
     */
    public static String shiftId(String teamId, String workerId, Instant start) {
        return UUID.nameUUIDFromBytes(("shift\n" + teamId + "\n" + workerId + "\n" + Keys.time(start))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Only the team's own workers and the provider admin know a team is there. */
    private void requireTeam(Caller caller, String teamId) {
        ClientAccess.requireSomeRole(caller);
        SetupAccess.requireSees(SetupAccess.seesTeam(caller, teamId), "Team " + teamId);
        if (teams.find(teamId).isEmpty()) {
            throw ProblemException.notFound("Team " + teamId);
        }
    }
}
