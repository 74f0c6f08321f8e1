package org.whatmatters.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.problem.ProblemException;

class CallerTest {

    private static Map<String, String> claims(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void noClaimsAtAllIsUnauthorized() {
        ProblemException e = assertThrows(ProblemException.class, () -> Caller.fromClaims(null));
        assertEquals(401, e.problem().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankSubjectIsUnauthorized(String sub) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Caller.fromClaims(claims("sub", sub, Caller.GROUPS, "[worker]")));
        assertEquals(401, e.problem().status());
        assertTrue(e.problem().type().endsWith("/unauthorized"), e.problem().type());
    }

    @Test
    void missingSubjectIsUnauthorizedEvenWithGroups() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Caller.fromClaims(claims(Caller.GROUPS, "[worker]", Caller.TEAM_ID, "t-north")));
        assertEquals(401, e.problem().status());
    }

    static Stream<Arguments> groupClaims() {
        return Stream.of(
                Arguments.of("[worker family]", EnumSet.of(Role.WORKER, Role.FAMILY)),
                Arguments.of("worker,family", EnumSet.of(Role.WORKER, Role.FAMILY)),
                Arguments.of("worker, family", EnumSet.of(Role.WORKER, Role.FAMILY)),
                Arguments.of("[\"worker\"]", EnumSet.of(Role.WORKER)),
                Arguments.of("[\"worker\",\"provider-admin\"]", EnumSet.of(Role.WORKER, Role.PROVIDER_ADMIN)),
                Arguments.of("worker", EnumSet.of(Role.WORKER)),
                Arguments.of(" [ commissioner ] ", EnumSet.of(Role.COMMISSIONER)),
                Arguments.of("[worker admins us-east-1_abc_Google]", EnumSet.of(Role.WORKER)),
                Arguments.of("[admins superuser]", EnumSet.noneOf(Role.class)),
                Arguments.of("[]", EnumSet.noneOf(Role.class)),
                Arguments.of("", EnumSet.noneOf(Role.class)),
                Arguments.of(null, EnumSet.noneOf(Role.class)));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("groupClaims")
    void readsRolesFromGroupsClaim(String groups, Set<Role> expected) {
        Caller caller = Caller.fromClaims(claims("sub", "u-1", Caller.GROUPS, groups));
        assertEquals(expected, caller.roles());
        assertEquals("u-1", caller.sub());
    }

    @Test
    void readsCustomClaims() {
        Caller caller = Caller.fromClaims(claims("sub", "u-1", Caller.GROUPS, "[worker]",
                Caller.TEAM_ID, "t-north", Caller.PROVIDER_ID, "p-riverside",
                Caller.COMMISSIONER_ID, "comm-ridgeshire"));
        assertEquals("t-north", caller.teamId());
        assertEquals("t-north", caller.team().orElseThrow());
        assertEquals("p-riverside", caller.providerId());
        assertEquals("comm-ridgeshire", caller.commissionerId());
    }

    @Test
    void customClaimsAreStripped() {
        Caller caller = Caller.fromClaims(claims("sub", "u-1", Caller.TEAM_ID, " t-north "));
        assertEquals("t-north", caller.teamId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankCustomClaimsAreNull(String blank) {
        Caller caller = Caller.fromClaims(claims("sub", "u-1", Caller.GROUPS, "[worker]",
                Caller.TEAM_ID, blank, Caller.PROVIDER_ID, blank, Caller.COMMISSIONER_ID, blank));
        assertNull(caller.teamId());
        assertTrue(caller.team().isEmpty());
        assertNull(caller.providerId());
        assertNull(caller.commissionerId());
    }

    @Test
    void absentCustomClaimsAreNull() {
        Caller caller = Caller.fromClaims(claims("sub", "u-1"));
        assertNull(caller.teamId());
        assertNull(caller.providerId());
        assertNull(caller.commissionerId());
        assertTrue(caller.roles().isEmpty());
    }

    @Test
    void rolesAreCopiedNotShared() {
        Set<Role> roles = EnumSet.of(Role.WORKER);
        Caller caller = new Caller("u-1", roles, null, null, null);
        roles.add(Role.PROVIDER_ADMIN);
        assertEquals(Set.of(Role.WORKER), caller.roles());
        assertTrue(caller.is(Role.WORKER));
    }
}
