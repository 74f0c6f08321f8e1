package org.whatmatters.rota;

import java.util.List;
import org.whatmatters.domain.ServiceType;

/**
 * One line of a weekly pattern as sent: days by name ("monday"), start as local "HH:mm" in the provider's zone,
 * duration in minutes. {@code entryId} is absent for a new line and sent back to keep a line's visits.
 */
public record NewEntry(String entryId, List<String> days, String start, Integer durationMinutes,
                       ServiceType serviceType, List<String> preferredWorkers) {
}
