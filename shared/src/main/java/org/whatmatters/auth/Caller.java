package org.whatmatters.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.validation.Ids;

/**
 * Who is calling, read only from the JWT claims API Gateway verified; never from a request body.
 * {@code teamId} is a worker's team, {@code commissionerId} a commissioner's organisation: as the token
 * claims them from {@link #fromClaims}, and as the data confirms them once {@link Affiliations} resolved
 * the caller (what every service is given).
 */
public record Caller(String sub, Set<Role> roles, String providerId, String teamId, String commissionerId,
                     String verifiedEmail) {

    public static final String GROUPS = "cognito:groups";
    public static final String PROVIDER_ID = "custom:provider_id";
    public static final String TEAM_ID = "custom:team_id";
    public static final String COMMISSIONER_ID = "custom:commissioner_id";

    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A caller whose e-mail address is not known to be theirs. */
    public Caller(String sub, Set<Role> roles, String providerId, String teamId, String commissionerId) {
        this(sub, roles, providerId, teamId, commissionerId, null);
    }

    /** The same caller, with the team and organisation the data gives them. */
    public Caller affiliated(String team, String commissioner) {
        return new Caller(sub, roles, providerId, team, commissioner, verifiedEmail);
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
        // The subject becomes part of keys (links, idempotency records): it obeys the id rule too.
        if (!Ids.valid(claims.get("sub"))) {
            throw ProblemException.unauthorized("The token's subject is not one this service accepts");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups(claims.get(GROUPS))) {
            Role.fromGroup(group).ifPresent(roles::add);
        }
        // An address counts only when the issuer verified it (Cognito: email_verified, "true" in an HTTP API's claims).
        String email = "true".equalsIgnoreCase(String.valueOf(claims.get(EMAIL_VERIFIED))) ? emptyToNull(claims.get(EMAIL))
                : null;
        return new Caller(claims.get("sub"), roles, emptyToNull(claims.get(PROVIDER_ID)),
                emptyToNull(claims.get(TEAM_ID)), emptyToNull(claims.get(COMMISSIONER_ID)), email);
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
