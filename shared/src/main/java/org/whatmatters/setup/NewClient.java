package org.whatmatters.setup;

import java.time.LocalDate;

/**
 * The body of {@code POST /clients}. {@code startsOn} is when the planned hours began (default today,
 * never in the future): the first entry of the client's hours history.
 */
public record NewClient(String teamId, String displayName, Double plannedHoursPerWeek, LocalDate startsOn) {
}
