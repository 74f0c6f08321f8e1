package org.whatmatters.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/**
 * Every relation a caller can have to a client, through the one entry point and the data, as a request
 * reaches it: the token's claims, who the data says they are, then their relation to Rosa.
 */
class ClientRelationsTest {

    private static final TestTable TABLE = new TestTable();
    private static final ClientRelations RELATIONS;
    private static final Affiliations AFFILIATIONS;

    static {
        People.seed(TABLE.data());
        RELATIONS = new ClientRelations(new ClientStore(TABLE.data()), new FamilyLinkStore(TABLE.data()));
        AFFILIATIONS = new Affiliations(TABLE.env(), new TeamStore(TABLE.data()),
                new CommissionerAccountStore(TABLE.data()));
    }

    private static Caller caller(Map<String, String> claims) {
        return AFFILIATIONS.resolve(claims);
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("worker of Rosa's team", People.AMARA, Relation.TEAM_WORKER),
                Arguments.of("worker of another team", People.CHLOE, Relation.NONE),
                Arguments.of("worker whose token names Rosa's team but who is not in it",
                        Map.of("sub", "w-ghost", "cognito:groups", "[worker]", "custom:team_id", People.NORTH), Relation.NONE),
                Arguments.of("linked family member", People.MARIA, Relation.LINKED_FAMILY),
                Arguments.of("family member whose link was revoked", People.FORMER, Relation.NONE),
                Arguments.of("family member linked to someone else", People.TOM, Relation.NONE),
                Arguments.of("provider admin", People.PRIYA, Relation.PROVIDER_ADMIN),
                Arguments.of("commissioner", People.KEITH, Relation.NONE));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("callers")
    void eachCallerStandsAsTheDataSays(String who, Map<String, String> claims, Relation expected) {
        assertEquals(expected, RELATIONS.of(caller(claims), People.ROSA, "Client c-rosa").relation(), who);
        assertEquals(expected, RELATIONS.relation(caller(claims), People.ROSA), who);
    }

    @Test
    void anUnknownOrMalformedClientIsNotFoundAndNoneOnTheSocket() {
        for (String id : new String[] {"c-nobody", "c#rosa", "c".repeat(65), ""}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> RELATIONS.of(caller(People.PRIYA), id, "Client " + id));
            assertEquals(404, e.problem().status(), id);
            assertEquals(Relation.NONE, RELATIONS.relation(caller(People.PRIYA), id), id);
        }
    }

    @Test
    void aCallerWithNoRoleIsRefused() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RELATIONS.of(caller(People.NOBODY), People.ROSA, "Client c-rosa"));
        assertEquals(403, e.problem().status());
    }
}
