package org.whatmatters.setup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.Contract;

public record ContractView(String contractId, String commissionerId, String commissionerName, List<String> teamIds,
                           LocalDate startsOn, LocalDate endsOn, Instant createdAt) {

    static ContractView of(Contract c) {
        return new ContractView(c.contractId(), c.commissionerId(), c.commissionerName(), c.teamIds(), c.startsOn(),
                c.endsOn(), c.createdAt());
    }
}
