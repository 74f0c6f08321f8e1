package org.whatmatters.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a person's weekly pattern: on these days, at this local time (the provider's zone), for this
 * long, this kind of support, preferably by these workers. {@code entryId} is stable across edits of the
 * line, so the visits it made keep their ids.
 */
public record ScheduleEntry(String entryId, Set<DayOfWeek> days, LocalTime start, Duration duration,
                            ServiceType serviceType, List<String> preferredWorkers) {

    public ScheduleEntry {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        preferredWorkers = List.copyOf(preferredWorkers);
    }
}
