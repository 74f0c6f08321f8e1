package org.whatmatters.auth;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.whatmatters.config.Env;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.CommissionerAccount;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.validation.Ids;

/**
 * Who the caller is to this provider, from the data rather than from the token alone. A worker's team
 * is their team membership and a commissioner's organisation their commissioner account, both read
 * strongly consistent, so a worker removed from a team loses it at once. Custom attributes in the
 * token ({@code custom:team_id}, {@code custom:commissioner_id}) may narrow that to the one they name,
 * never widen it: a user who could write their own attributes still reaches nothing new. A token
 * naming another provider ({@code custom:provider_id}) is refused.
 */
@Singleton
public final class Affiliations {

    private final String providerId;
    private final TeamStore teams;
    private final CommissionerAccountStore accounts;

    @Inject
    public Affiliations(Env env, TeamStore teams, CommissionerAccountStore accounts) {
        this.providerId = env.require("PROVIDER_ID");
        this.teams = teams;
        this.accounts = accounts;
    }

    /** The caller the verified claims name, with the team and organisation the data gives them. */
    public Caller resolve(Map<String, String> claims) {
        Caller claimed = Caller.fromClaims(claims);
        // The HTTP API's authorizer takes access tokens too (client_id matches the audience); they carry the
        // groups but none of the custom attributes, so the provider check could not apply. ID tokens only.
        String use = claims.get("token_use");
        if (use != null && !use.equals("id")) {
            throw ProblemException.unauthorized("Sign in with an ID token, not an " + use + " token");
        }
        if (claimed.providerId() != null && !claimed.providerId().equals(providerId)) {
            throw ProblemException.forbidden("Your account belongs to another provider's service");
        }
        String team = claimed.is(Role.WORKER) ? team(claimed.sub(), claimed.teamId()).orElse(null) : null;
        String commissioner = claimed.is(Role.COMMISSIONER)
                ? commissioner(claimed.sub(), claimed.commissionerId()).orElse(null) : null;
        return claimed.affiliated(team, commissioner);
    }

    /** The worker's team now: the one the token names if they are in it, else their membership, confirmed. */
    public Optional<String> team(String sub, String named) {
        if (named != null) {
            // A claim outside the id rule names no team (and must not become part of a key).
            return Ids.valid(named) ? teams.member(named, sub).map(TeamMember::teamId) : Optional.empty();
        }
        return teams.memberships(sub).stream().map(TeamMember::teamId).sorted().findFirst()
                .flatMap(t -> teams.member(t, sub)).map(TeamMember::teamId);
    }

    private Optional<String> commissioner(String sub, String named) {
        if (named != null) {
            return Ids.valid(named) ? accounts.find(named, sub).map(CommissionerAccount::commissionerId) : Optional.empty();
        }
        return accounts.ofPerson(sub).stream().map(CommissionerAccount::commissionerId).sorted().findFirst()
                .flatMap(c -> accounts.find(c, sub)).map(CommissionerAccount::commissionerId);
    }
}
