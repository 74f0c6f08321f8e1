package org.whatmatters.testing;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.CommissionerAccount;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;

/**
 * The people tests use, as the claims API Gateway would pass for them, and their records. The same
 * ids appear in the events/ samples.
 */
public final class People {

    public static final String NORTH = "t-north";
    public static final String SOUTH = "t-south";
    public static final String ROSA = "c-rosa";
    public static final String ARTHUR = "c-arthur";

    public static final Map<String, String> AMARA = claims("w-amara", "[worker]", NORTH);
    public static final Map<String, String> BEN = claims("w-ben", "[worker]", NORTH);
    public static final Map<String, String> DEV = claims("w-dev", "[worker]", NORTH);
    public static final Map<String, String> CHLOE = claims("w-chloe", "[worker]", SOUTH);
    public static final Map<String, String> MARIA = claims("f-maria", "[family]", null);
    public static final Map<String, String> TOM = claims("f-tom", "[family]", null);
    public static final Map<String, String> FORMER = claims("f-former", "[family]", null);
    public static final Map<String, String> PRIYA = claims("a-priya", "[provider-admin]", null);
    public static final Map<String, String> KEITH = Map.of("sub", "k-keith", "cognito:groups", "[commissioner]",
            "custom:commissioner_id", "comm-ridgeshire");
    public static final Map<String, String> NOBODY = Map.of("sub", "u-nobody");
    /** A commissioner of another council, with no contract of Keith's. */
    public static final Map<String, String> RUTH = Map.of("sub", "k-ruth", "cognito:groups", "[commissioner]",
            "custom:commissioner_id", "comm-eastvale");
    /** A family member not yet linked to anyone: the one who accepts invites in tests. */
    public static final Map<String, String> SAM = claims("f-sam", "[family]", null);

    private People() {
    }

    /**
     * Callers with no right to Rosa (client of t-north) and what each gets: 404 as for an unknown id
     * when they have a role, 403 without one, 401 without a subject. Arguments: label, claims, status.
     */
    public static Stream<Arguments> outsidersOfRosa() {
        return Stream.of(
                Arguments.of("family member not linked", TOM, 404),
                Arguments.of("family member whose link was revoked", FORMER, 404),
                Arguments.of("worker of another team", CHLOE, 404),
                Arguments.of("commissioner", KEITH, 404),
                Arguments.of("caller with no role", NOBODY, 403),
                Arguments.of("token without a subject", Map.of("cognito:groups", "[worker]"), 401));
    }

    private static Map<String, String> claims(String sub, String groups, String team) {
        return team == null ? Map.of("sub", sub, "cognito:groups", groups, "custom:provider_id", "p-riverside")
                : Map.of("sub", sub, "cognito:groups", groups, "custom:team_id", team,
                "custom:provider_id", "p-riverside");
    }

    /**
     * Two teams, a client in each, Maria linked to Rosa, Tom to Arthur, a revoked former link to Rosa, and
     * Keith's and Ruth's commissioner accounts.
     */
    public static void seed(DataTable data) {
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        TeamStore teams = new TeamStore(data);
        teams.put(new Team(NORTH, "Riverside North", t));
        teams.put(new Team(SOUTH, "Riverside South", t));
        teams.putMember(new TeamMember(NORTH, "w-amara", "Amara", t));
        teams.putMember(new TeamMember(NORTH, "w-ben", "Ben", t));
        teams.putMember(new TeamMember(NORTH, "w-dev", "Dev", t));
        teams.putMember(new TeamMember(SOUTH, "w-chloe", "Chloe", t));
        ClientStore clients = new ClientStore(data);
        clients.put(new Client(ROSA, NORTH, "Rosa Bennett", 14, t));
        clients.put(new Client(ARTHUR, SOUTH, "Arthur Hale", 10.5, t));
        FamilyLinkStore links = new FamilyLinkStore(data);
        links.put(new FamilyLink(ROSA, "f-maria", "Maria", "daughter", t, null));
        links.put(new FamilyLink(ARTHUR, "f-tom", "Tom", "son", t, null));
        links.put(new FamilyLink(ROSA, "f-former", "Jo", "niece", t, t.plusSeconds(86_400)));
        CommissionerAccountStore accounts = new CommissionerAccountStore(data);
        accounts.put(new CommissionerAccount("comm-ridgeshire", "k-keith", "Keith", "a-priya", t));
        accounts.put(new CommissionerAccount("comm-eastvale", "k-ruth", "Ruth", "a-priya", t));
    }
}
