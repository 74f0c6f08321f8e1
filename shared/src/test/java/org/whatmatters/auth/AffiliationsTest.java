package org.whatmatters.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** Every relation the data gives a caller, and what a claim can and cannot do to it, on DynamoDB Local. */
class AffiliationsTest {

    private final TestTable table = new TestTable();
    private final Affiliations affiliations;

    AffiliationsTest() {
        People.seed(table.data());
        affiliations = new Affiliations(table.env(), new TeamStore(table.data()),
                new CommissionerAccountStore(table.data()));
    }

    private static Map<String, String> with(Map<String, String> claims, String key, String value) {
        Map<String, String> c = new HashMap<>(claims);
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        return c;
    }

    @Test
    void aWorkersTeamIsTheirMembershipAndAClaimOnlyNarrowsIt() {
        assertEquals(People.NORTH, affiliations.resolve(People.AMARA).teamId());
        assertEquals(People.NORTH, affiliations.resolve(with(People.AMARA, Caller.TEAM_ID, null)).teamId());
        assertNull(affiliations.resolve(with(People.AMARA, Caller.TEAM_ID, People.SOUTH)).teamId());
        assertNull(affiliations.resolve(Map.of("sub", "w-ghost", "cognito:groups", "[worker]",
                Caller.TEAM_ID, People.NORTH)).teamId());
        // a team claim gives nobody who is not a worker a team
        assertNull(affiliations.resolve(with(People.MARIA, Caller.TEAM_ID, People.NORTH)).teamId());
    }

    @Test
    void aRemovedWorkerHasNoTeamAtOnce() {
        TeamStore teams = new TeamStore(table.data());
        teams.removeMember(teams.member(People.NORTH, "w-ben").orElseThrow(), Instant.now(), "a-priya");
        assertNull(affiliations.resolve(People.BEN).teamId());
        assertNull(affiliations.resolve(with(People.BEN, Caller.TEAM_ID, null)).teamId());
    }

    @Test
    void aCommissionersOrganisationIsTheirAccountAndAClaimOnlyNarrowsIt() {
        assertEquals("comm-ridgeshire", affiliations.resolve(People.KEITH).commissionerId());
        assertEquals("comm-ridgeshire", affiliations.resolve(with(People.KEITH, Caller.COMMISSIONER_ID, null))
                .commissionerId());
        assertNull(affiliations.resolve(with(People.KEITH, Caller.COMMISSIONER_ID, "comm-eastvale")).commissionerId());
        assertNull(affiliations.resolve(Map.of("sub", "k-nobody", "cognito:groups", "[commissioner]",
                Caller.COMMISSIONER_ID, "comm-ridgeshire")).commissionerId());
        new CommissionerAccountStore(table.data()).remove("comm-ridgeshire", "k-keith");
        assertNull(affiliations.resolve(People.KEITH).commissionerId(), "an account removed ends access at once");
    }

    @Test
    void anotherProvidersTokenIsRefusedAndNoProviderClaimIsAccepted() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> affiliations.resolve(with(People.PRIYA, Caller.PROVIDER_ID, "p-elsewhere")));
        assertEquals(403, e.problem().status());
        assertEquals(Role.PROVIDER_ADMIN, affiliations.resolve(with(People.PRIYA, Caller.PROVIDER_ID, null))
                .roles().iterator().next());
    }

    @Test
    void aSubjectOutsideTheIdRuleIsNotACaller() {
        for (String sub : new String[] {"a".repeat(65), "f#maria", "f maria", "😀"}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> affiliations.resolve(with(People.MARIA, "sub", sub)));
            assertEquals(401, e.problem().status(), sub);
        }
    }
}
