package org.whatmatters.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whatmatters.problem.ProblemException;

/**
 * Who is calling, read only from the JWT claims API Gateway verified; never from a request body.
 * {@code teamId} is a worker's team, {@code commissionerId} a commissioner's organisation.
 */
public record Caller(String sub, Set<Role> roles, String providerId, String teamId, String commissionerId) {

    public static final String GROUPS = "cognito:groups";
    public static final String PROVIDER_ID = "custom:provider_id";
    public static final String TEAM_ID = "custom:team_id";
    public static final String COMMISSIONER_ID = "custom:commissioner_id";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public Optional<String> team() {
        return Optional.ofNullable(teamId).filter(t -> !t.isBlank());
    }

    /** Reads the authorizer's claims; a token without a subject is not a caller at all. */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || blank(claims.get("sub"))) {
            throw ProblemException.unauthorized("The token carries no subject");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups(claims.get(GROUPS))) {
            Role.fromGroup(group).ifPresent(roles::add);
        }
        return new Caller(claims.get("sub"), roles, emptyToNull(claims.get(PROVIDER_ID)),
                emptyToNull(claims.get(TEAM_ID)), emptyToNull(claims.get(COMMISSIONER_ID)));
    }

    /**
     * HTTP APIs flatten an array claim to "[a b]"; a JSON array or a comma list is accepted too, so a
     * token minted by another issuer reads the same.
     */
    static String[] groups(String raw) {
        if (blank(raw)) {
            return new String[0];
        }
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return Arrays.stream(s.split("[\\s,]+"))
                .map(g -> g.replace("\"", "").strip())
                .filter(g -> !g.isEmpty())
                .toArray(String[]::new);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
