package org.whatmatters.lambda;

import java.util.EnumSet;
import java.util.Set;
import org.whatmatters.auth.Role;

/**
 * A route and the roles that may call it at all (docs/openapi.yaml's x-roles). The route itself still
 * decides on the particular client, team or contract; the roles only let the edge leave callers who
 * can never succeed out of the idempotency store.
 */
public record Endpoint(Set<Role> roles, Route route) {

    public Endpoint {
        roles = Set.copyOf(roles);
    }

    public static Endpoint of(Route route, Role first, Role... more) {
        return new Endpoint(EnumSet.of(first, more), route);
    }

    /** Anyone with one of the four roles. */
    public static Endpoint anyRole(Route route) {
        return new Endpoint(EnumSet.allOf(Role.class), route);
    }

    /**
     * A route with no sign-in (the template gives it {@code Authorizer: NONE}): its request carries no caller,
     * and whatever proves the right to call it (a one-time token) is the route's own to check.
     */
    public static Endpoint open(Route route) {
        return new Endpoint(Set.of(), route);
    }

    public boolean isOpen() {
        return roles.isEmpty();
    }

    public boolean allows(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
