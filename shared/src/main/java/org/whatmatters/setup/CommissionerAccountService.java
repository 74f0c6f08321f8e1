package org.whatmatters.setup;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.domain.CommissionerAccount;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * Who at a commissioner organisation may sign in to its contracts and summaries: the provider admin
 * adds and removes them. A removed account loses access at once (see Affiliations).
 */
@Singleton
public final class CommissionerAccountService {

    private final CommissionerAccountStore accounts;
    private final ContractStore contracts;
    private final Clock clock;

    @Inject
    public CommissionerAccountService(CommissionerAccountStore accounts, ContractStore contracts, Clock clock) {
        this.accounts = accounts;
        this.contracts = contracts;
        this.clock = clock;
    }

    public CommissionerAccountView add(Caller caller, String commissionerId, NewCommissionerAccount cmd) {
        SetupAccess.requireAdmin(caller, "add commissioner accounts");
        requireKnown(commissionerId);
        Violations v = new Violations();
        Checks.id(v, "sub", cmd.sub());
        Checks.text(v, "displayName", cmd.displayName(), Checks.NAME_MAX);
        v.throwIfAny();
        // One organisation per person, as one team per worker: what they see is never a union.
        accounts.ofPerson(cmd.sub()).stream().filter(a -> !a.commissionerId().equals(commissionerId)).findFirst()
                .ifPresent(a -> {
                    throw ProblemException.conflict("Account " + cmd.sub() + " belongs to commissioner "
                            + a.commissionerId() + "; remove it there first");
                });
        CommissionerAccount account = new CommissionerAccount(commissionerId, cmd.sub(), cmd.displayName().strip(),
                caller.sub(), clock.instant());
        if (!accounts.create(account)) {
            throw ProblemException.conflict("Account " + cmd.sub() + " is already an account of commissioner "
                    + commissionerId);
        }
        return CommissionerAccountView.of(account);
    }

    public CommissionerAccountList list(Caller caller, String commissionerId) {
        SetupAccess.requireAdmin(caller, "see commissioner accounts");
        requireKnown(commissionerId);
        return new CommissionerAccountList(commissionerId, accounts.ofCommissioner(commissionerId).stream()
                .sorted(Comparator.comparing(CommissionerAccount::displayName).thenComparing(CommissionerAccount::sub))
                .map(CommissionerAccountView::of).toList());
    }

    public CommissionerAccountView remove(Caller caller, String commissionerId, String sub) {
        SetupAccess.requireAdmin(caller, "remove commissioner accounts");
        CommissionerAccount account = (Checks.validId(commissionerId) && Checks.validId(sub)
                ? accounts.find(commissionerId, sub) : Optional.<CommissionerAccount>empty())
                .orElseThrow(() -> ProblemException.notFound("Account " + sub + " of commissioner " + commissionerId));
        if (!accounts.remove(commissionerId, sub)) {
            throw ProblemException.notFound("Account " + sub + " of commissioner " + commissionerId);
        }
        return CommissionerAccountView.of(account);
    }

    /** A commissioner is known by the contracts that name it: an id with none is most likely a typo. */
    private void requireKnown(String commissionerId) {
        if (!Checks.validId(commissionerId) || contracts.ofCommissioner(commissionerId).isEmpty()) {
            throw ProblemException.notFound("Commissioner " + commissionerId + " (no contract names it)");
        }
    }
}
