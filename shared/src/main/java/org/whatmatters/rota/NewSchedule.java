package org.whatmatters.rota;

import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.Location;

/** The body of {@code POST /clients/{clientId}/schedules}: validTo may be left out (no end yet). */
public record NewSchedule(List<NewEntry> entries, Location location, LocalDate validFrom, LocalDate validTo) {
}
