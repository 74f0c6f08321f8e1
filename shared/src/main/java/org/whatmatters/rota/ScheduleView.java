package org.whatmatters.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ScheduleEntry;
import org.whatmatters.domain.ServiceType;

/**
 * A schedule as the team sees it, workers with their names. {@code generated} says what the request did to the
 * visits (absent on reads).
 */
public record ScheduleView(String scheduleId, String clientId, List<Entry> entries, Location location,
                           LocalDate validFrom, LocalDate validTo, String createdBy, Instant createdAt, long version,
                           Generated generated) {

    public record Entry(String entryId, List<String> days, String start, int durationMinutes, ServiceType serviceType,
                        List<Worker> preferredWorkers) {
    }

    public record Worker(String workerId, String displayName) {
    }

    static ScheduleView of(CareSchedule s, Function<String, String> names, Generated generated) {
        return new ScheduleView(s.scheduleId(), s.clientId(), s.entries().stream().map(e -> entry(e, names)).toList(),
                s.location(), s.validFrom(), s.validTo(), s.createdBy(), s.createdAt(), s.version(), generated);
    }

    private static Entry entry(ScheduleEntry e, Function<String, String> names) {
        return new Entry(e.entryId(), e.days().stream().sorted().map(ScheduleView::day).toList(), e.start().toString(),
                (int) e.duration().toMinutes(), e.serviceType(),
                e.preferredWorkers().stream().map(w -> new Worker(w, names.apply(w))).toList());
    }

    static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    static Function<String, String> names(Map<String, String> byId) {
        return id -> byId.getOrDefault(id, "Former team member");
    }
}
