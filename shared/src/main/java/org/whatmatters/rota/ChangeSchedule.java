package org.whatmatters.rota;

import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.Location;

/**
 * The body of {@code PUT /schedules/{scheduleId}}: the whole schedule again, with the {@code version} it was read
 * at, so two people editing one schedule cannot overwrite each other unseen.
 */
public record ChangeSchedule(List<NewEntry> entries, Location location, LocalDate validFrom, LocalDate validTo,
                             Long version) {
}
