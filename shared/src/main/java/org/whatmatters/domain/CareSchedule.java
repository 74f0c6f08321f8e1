package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's recurring schedule: the weekly pattern their visits are generated from, valid from a day and,
 * once ended, to a day (both inclusive, in the provider's zone).
 */
public record CareSchedule(String scheduleId, String clientId, String teamId, List<ScheduleEntry> entries,
                           LocalDate validFrom, LocalDate validTo, Location location, String createdBy,
                           Instant createdAt, long version) {

    public CareSchedule {
        entries = List.copyOf(entries);
    }

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
