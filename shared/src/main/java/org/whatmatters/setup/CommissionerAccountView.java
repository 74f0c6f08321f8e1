package org.whatmatters.setup;

import java.time.Instant;
import org.whatmatters.domain.CommissionerAccount;

public record CommissionerAccountView(String commissionerId, String sub, String displayName, String addedBy,
                                      Instant addedAt) {

    static CommissionerAccountView of(CommissionerAccount a) {
        return new CommissionerAccountView(a.commissionerId(), a.sub(), a.displayName(), a.addedBy(), a.addedAt());
    }
}
