package org.whatmatters.rota;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.validation.Ids;

/**
 * The visits a schedule means between two days. Times are the provider's local times: a 09:00 visit is at
 * 09:00 on either side of a clock change. A time that does not exist that day (in the spring gap) moves on by
 * the gap, as the clocks do; a time that happens twice (the autumn hour) is its first. A visit lasts its
 * duration in real minutes, across a change too.
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** The occurrences on the days from {@code from} to {@code to}, both inclusive, by start time. */
    public static List<Occurrence> between(CareSchedule schedule, LocalDate from, LocalDate to, ZoneId zone) {
        List<Occurrence> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!schedule.coversDay(day)) {
                continue;
            }
            for (ScheduleEntry e : schedule.entries()) {
                if (e.days().contains(day.getDayOfWeek())) {
                    ZonedDateTime start = ZonedDateTime.of(day, e.start(), zone);
                    out.add(new Occurrence(visitId(schedule.scheduleId(), e.entryId(), day), schedule.scheduleId(),
                            e.entryId(), day, start.toInstant(), start.toInstant().plus(e.duration())));
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::plannedStart).thenComparing(Occurrence::visitId));
        return out;
    }

    /** Opaque, and the same for the same schedule, line and day however often it is generated. */
    static String visitId(String scheduleId, String entryId, LocalDate day) {
        return Ids.derived("v-", 15, scheduleId, entryId, day.toString());
    }
}
