package org.whatmatters.setup;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /contracts}; both dates are inclusive. */
public record NewContract(String commissionerId, String commissionerName, List<String> teamIds, LocalDate startsOn,
                          LocalDate endsOn) {
}
