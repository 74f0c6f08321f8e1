package org.whatmatters.access;

import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.domain.Contract;
import org.whatmatters.problem.ProblemException;

/**
 * The authorisation rules for the provider's set-up: teams, contracts and survey periods. Like
 * {@link ClientAccess}, a caller who may not see a thing gets 404 for it, and a caller who may see
 * it but not change it gets 403.
 */
public final class SetupAccess {

    private SetupAccess() {
    }

    /** Setting anything up: the provider admin only. Check visibility first, so an outsider gets 404. */
    public static void requireAdmin(Caller caller, String action) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.PROVIDER_ADMIN)) {
            throw ProblemException.forbidden("Only a provider admin may " + action);
        }
    }

    /** A team is visible to the provider admin and to its own workers. */
    public static boolean seesTeam(Caller caller, String teamId) {
        return caller.is(Role.PROVIDER_ADMIN)
                || caller.is(Role.WORKER) && caller.team().filter(teamId::equals).isPresent();
    }

    /** A contract is visible to the provider admin and to the commissioner whose contract it is. */
    public static boolean seesContract(Caller caller, Contract contract) {
        return caller.is(Role.PROVIDER_ADMIN)
                || caller.is(Role.COMMISSIONER) && contract.commissionerId().equals(caller.commissionerId());
    }

    public static void requireSees(boolean sees, String what) {
        if (!sees) {
            throw ProblemException.notFound(what);
        }
    }
}
