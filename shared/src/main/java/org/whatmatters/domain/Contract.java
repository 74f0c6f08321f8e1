package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commissioner's contract with the provider: the teams it pays for, and when. {@code version}
 * goes up with every survey period added, so two periods written at once cannot both pass the
 * overlap check.
 */
public record Contract(String contractId, String commissionerId, String commissionerName, List<String> teamIds,
                       LocalDate startsOn, LocalDate endsOn, String createdBy, Instant createdAt, long version) {

    public Contract {
        teamIds = List.copyOf(teamIds);
    }

    public boolean inForce(LocalDate on) {
        return !on.isBefore(startsOn) && !on.isAfter(endsOn);
    }

    public boolean covers(String teamId, LocalDate on) {
        return teamIds.contains(teamId) && inForce(on);
    }

    public Contract nextVersion() {
        return new Contract(contractId, commissionerId, commissionerName, teamIds, startsOn, endsOn, createdBy,
                createdAt, version + 1);
    }
}
