package org.whatmatters.rota;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.ScheduleEntry;

/**
 * Double-booking by pattern: a worker preferred on two lines that meet on a weekday at overlapping local times,
 * while both schedules are valid. Times are compared round the week, so a line from 23:00 into Tuesday meets a
 * Tuesday 00:30 one.
 */
public final class Clashes {

    private static final int WEEK = 7 * 24 * 60;

    /** Worker {@code workerId} would be on {@code line} (of the new schedule) and on {@code other}'s {@code otherLine}. */
    public record Clash(String workerId, DayOfWeek day, ScheduleEntry line, CareSchedule other,
                        ScheduleEntry otherLine, DayOfWeek otherDay) {
    }

    private Clashes() {
    }

    /** The first clash of {@code schedule} within itself, then against {@code others} (itself left out), if any. */
    public static Optional<Clash> first(CareSchedule schedule, List<CareSchedule> others) {
        List<ScheduleEntry> lines = schedule.entries();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                Optional<Clash> c = between(lines.get(i), schedule, lines.get(j));
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        for (CareSchedule other : others) {
            if (other.scheduleId().equals(schedule.scheduleId()) || !validTogether(schedule, other)) {
                continue;
            }
            for (ScheduleEntry line : lines) {
                for (ScheduleEntry otherLine : other.entries()) {
                    Optional<Clash> c = between(line, other, otherLine);
                    if (c.isPresent()) {
                        return c;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Clash> between(ScheduleEntry a, CareSchedule other, ScheduleEntry b) {
        Optional<String> worker = a.preferredWorkers().stream().filter(b.preferredWorkers()::contains).findFirst();
        if (worker.isEmpty()) {
            return Optional.empty();
        }
        for (DayOfWeek da : a.days()) {
            for (DayOfWeek db : b.days()) {
                if (overlap(minute(da, a.start()), a.duration().toMinutes(), minute(db, b.start()),
                        b.duration().toMinutes())) {
                    return Optional.of(new Clash(worker.get(), da, a, other, b, db));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean validTogether(CareSchedule a, CareSchedule b) {
        return !a.validFrom().isAfter(last(b)) && !b.validFrom().isAfter(last(a));
    }

    private static LocalDate last(CareSchedule s) {
        return s.validTo() == null ? LocalDate.MAX : s.validTo();
    }

    private static int minute(DayOfWeek day, LocalTime start) {
        return (day.getValue() - 1) * 24 * 60 + start.toSecondOfDay() / 60;
    }

    /** Half-open ranges of minutes of the week, either of which may run past Sunday midnight. */
    private static boolean overlap(int a, long aLength, int b, long bLength) {
        for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
            int s = b + shift;
            if (a < s + bLength && s < a + aLength) {
                return true;
            }
        }
        return false;
    }
}
