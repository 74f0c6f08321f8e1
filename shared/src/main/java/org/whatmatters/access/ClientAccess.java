package org.whatmatters.access;

import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.problem.ProblemException;

/** The authorisation rules for everything that belongs to a client. Plain code, unit-tested. */
public final class ClientAccess {

    private ClientAccess() {
    }

    /**
     * The strongest relation the caller has; {@code link} is the caller's family link to this
     * client, if any (looked up only for family callers).
     */
    public static Relation relation(Caller caller, Client client, Optional<FamilyLink> link) {
        if (caller.is(Role.WORKER) && caller.team().filter(client.teamId()::equals).isPresent()) {
            return Relation.TEAM_WORKER;
        }
        if (caller.is(Role.PROVIDER_ADMIN)) {
            return Relation.PROVIDER_ADMIN;
        }
        if (caller.is(Role.FAMILY) && link.filter(l -> l.active() && l.clientId().equals(client.clientId())
                && l.familySub().equals(caller.sub())).isPresent()) {
            return Relation.LINKED_FAMILY;
        }
        return Relation.NONE;
    }

    /** Reading a client's visits, stories and updates: team, linked family, provider admin. */
    public static void requireRead(Relation relation, String what) {
        if (relation == Relation.NONE) {
            throw ProblemException.notFound(what);
        }
    }

    /** Recording care for a client: only a worker of the client's team. */
    public static void requireTeamWorker(Relation relation, String what, String action) {
        requireRead(relation, what);
        if (relation != Relation.TEAM_WORKER) {
            throw ProblemException.forbidden("Only a worker of the client's team may " + action);
        }
    }

    /** Running a client's rota (schedules, cancelling, moving visits): a worker of the team or a provider admin. */
    public static void requireTeamOrAdmin(Relation relation, String what, String action) {
        requireRead(relation, what);
        if (relation != Relation.TEAM_WORKER && relation != Relation.PROVIDER_ADMIN) {
            throw ProblemException.forbidden("Only a worker of the client's team or a provider admin may " + action);
        }
    }

    /** A caller with none of the four roles has no business with any route. */
    public static void requireSomeRole(Caller caller) {
        if (caller.roles().isEmpty()) {
            throw ProblemException.forbidden("Your account has no role in this service (family, worker, "
                    + "provider-admin or commissioner)");
        }
    }
}
