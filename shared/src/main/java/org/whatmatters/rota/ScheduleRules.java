package org.whatmatters.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/** What a schedule as sent must be, field by field, and the schedule lines it makes. */
final class ScheduleRules {

    static final int ENTRIES_MAX = 20;
    static final int WORKERS_MAX = 4;
    static final int SHORTEST_MINUTES = 15;
    static final int LONGEST_MINUTES = 12 * 60;
    static final int ADDRESS_MAX = 200;
    static final int HORIZON_DAYS = 400;
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private ScheduleRules() {
    }

    /** The lines, each with an id (new lines get one); empty when any is at fault (reported in {@code v}). */
    static List<ScheduleEntry> entries(Violations v, List<NewEntry> in, Map<String, String> team) {
        if (!v.required("entries", in)) {
            return List.of();
        }
        if (in.isEmpty()) {
            v.add("entries", "give at least one line");
        }
        if (in.size() > ENTRIES_MAX) {
            v.add("entries", "at most " + ENTRIES_MAX + " lines");
            return List.of();
        }
        List<ScheduleEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String f = "entries[" + i + "]";
            NewEntry e = in.get(i);
            if (e == null) {
                v.add(f, "must be an object");
                continue;
            }
            if (e.entryId() != null) {
                Checks.id(v, f + ".entryId", e.entryId());
                if (!ids.add(e.entryId())) {
                    v.add(f + ".entryId", "is used by another line");
                }
            }
            Set<DayOfWeek> days = days(v, f + ".days", e.days());
            LocalTime start = start(v, f + ".start", e.start());
            if (v.required(f + ".durationMinutes", e.durationMinutes())) {
                v.range(f + ".durationMinutes", e.durationMinutes(), SHORTEST_MINUTES, LONGEST_MINUTES);
            }
            v.required(f + ".serviceType", e.serviceType());
            workers(v, f + ".preferredWorkers", e.preferredWorkers(), team);
            if (v.isEmpty()) {
                String id = e.entryId() != null ? e.entryId() : "e-" + UUID.randomUUID().toString().substring(0, 8);
                out.add(new ScheduleEntry(id, days, start, Duration.ofMinutes(e.durationMinutes()), e.serviceType(),
                        e.preferredWorkers()));
            }
        }
        return out;
    }

    private static Set<DayOfWeek> days(Violations v, String field, List<String> in) {
        if (!v.required(field, in)) {
            return Set.of();
        }
        if (in.isEmpty()) {
            v.add(field, "give at least one day");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < in.size(); i++) {
            DayOfWeek d = day(in.get(i));
            if (d == null) {
                v.add(field + "[" + i + "]", "must be a day of the week: monday, tuesday, ... sunday");
            } else if (!days.add(d)) {
                v.add(field, "names " + in.get(i) + " twice");
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
                return d;
            }
        }
        return null;
    }

    private static LocalTime start(Violations v, String field, String in) {
        if (!v.required(field, in)) {
            return null;
        }
        if (!HH_MM.matcher(in).matches()) {
            v.add(field, "must be a local time as HH:mm (00:00 to 23:59)");
            return null;
        }
        return LocalTime.parse(in);
    }

    private static void workers(Violations v, String field, List<String> ids, Map<String, String> team) {
        if (!v.required(field, ids)) {
            return;
        }
        if (ids.isEmpty() || ids.size() > WORKERS_MAX) {
            v.add(field, "give 1 to " + WORKERS_MAX + " workers");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            v.add(field, "names a worker twice");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !team.containsKey(ids.get(i))) {
                v.add(field + "[" + i + "]", "is not a member of this client's team");
            }
        }
    }

    /** Visits are checked against it (EVV), so the address is required. */
    static void location(Violations v, Location l) {
        if (!v.required("location", l)) {
            return;
        }
        if (v.required("location.address", l.address())) {
            v.maxLength("location.address", l.address(), ADDRESS_MAX);
        }
        if ((l.latitude() == null) != (l.longitude() == null)) {
            v.add("location", "give both latitude and longitude, or neither");
        }
        v.range("location.latitude", l.latitude(), -90, 90);
        v.range("location.longitude", l.longitude(), -180, 180);
    }

    /** {@code keptFrom}: the schedule's validFrom so far, which may by now lie further back than the horizon. */
    static void validity(Violations v, LocalDate from, LocalDate to, LocalDate today, LocalDate keptFrom) {
        if (v.required("validFrom", from) && !from.equals(keptFrom)
                && Math.abs(ChronoUnit.DAYS.between(today, from)) > HORIZON_DAYS) {
            v.add("validFrom", "must be within " + HORIZON_DAYS + " days of today");
        }
        if (to != null && from != null && to.isBefore(from)) {
            v.add("validTo", "must not be before validFrom (" + from + ")");
        }
        if (to != null && ChronoUnit.DAYS.between(today, to) > 10 * HORIZON_DAYS) {
            v.add("validTo", "must be within " + 10 * HORIZON_DAYS + " days of today; leave it out for no end");
        }
    }

    /** "monday 09:00-10:00", for clash messages. */
    static String when(DayOfWeek day, ScheduleEntry line) {
        return ScheduleView.day(day) + " " + line.start() + "-" + line.start().plus(line.duration());
    }
}
