package org.whatmatters.setup;

import java.util.List;

public record CommissionerAccountList(String commissionerId, List<CommissionerAccountView> accounts) {
}
