package org.whatmatters.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.problem.ProblemException;

class ClientAccessTest {

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
    private static final Client ROSA = new Client("c-rosa", "t-north", "Rosa Bennett", 14, T);

    private static Caller caller(String sub, String team, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new Caller(sub, set, "p-riverside", team, null);
    }

    private static Optional<FamilyLink> link(String clientId, String sub, Instant revokedAt) {
        return Optional.of(new FamilyLink(clientId, sub, "Maria", "daughter", T, revokedAt));
    }

    static Stream<Arguments> relations() {
        Optional<FamilyLink> none = Optional.empty();
        Optional<FamilyLink> marias = link("c-rosa", "f-maria", null);
        return Stream.of(
                Arguments.of("worker of the client's team", caller("w-amara", "t-north", Role.WORKER), none,
                        Relation.TEAM_WORKER),
                Arguments.of("worker of another team", caller("w-chloe", "t-south", Role.WORKER), none, Relation.NONE),
                Arguments.of("worker with no team claim", caller("w-x", null, Role.WORKER), none, Relation.NONE),
                Arguments.of("worker with a blank team claim", caller("w-x", " ", Role.WORKER), none, Relation.NONE),
                Arguments.of("team claim without the worker role", caller("f-maria", "t-north", Role.FAMILY), none,
                        Relation.NONE),
                Arguments.of("linked family", caller("f-maria", null, Role.FAMILY), marias, Relation.LINKED_FAMILY),
                Arguments.of("family, revoked link", caller("f-maria", null, Role.FAMILY),
                        link("c-rosa", "f-maria", T.plusSeconds(60)), Relation.NONE),
                Arguments.of("family, link of another sub", caller("f-tom", null, Role.FAMILY), marias, Relation.NONE),
                Arguments.of("family, link to another client", caller("f-maria", null, Role.FAMILY),
                        link("c-arthur", "f-maria", null), Relation.NONE),
                Arguments.of("family, no link", caller("f-maria", null, Role.FAMILY), none, Relation.NONE),
                Arguments.of("active link but not in the family group", caller("f-maria", null, Role.COMMISSIONER),
                        marias, Relation.NONE),
                Arguments.of("provider admin", caller("a-priya", null, Role.PROVIDER_ADMIN), none,
                        Relation.PROVIDER_ADMIN),
                Arguments.of("commissioner", caller("k-keith", null, Role.COMMISSIONER), none, Relation.NONE),
                Arguments.of("no role", caller("u-nobody", "t-north"), marias, Relation.NONE),
                Arguments.of("team worker who is also admin", caller("w-amara", "t-north", Role.WORKER,
                        Role.PROVIDER_ADMIN), none, Relation.TEAM_WORKER),
                Arguments.of("other-team worker who is also admin", caller("w-chloe", "t-south", Role.WORKER,
                        Role.PROVIDER_ADMIN), none, Relation.PROVIDER_ADMIN),
                Arguments.of("other-team worker who is also linked family", caller("f-maria", "t-south", Role.WORKER,
                        Role.FAMILY), marias, Relation.LINKED_FAMILY));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("relations")
    void relation(String name, Caller caller, Optional<FamilyLink> link, Relation expected) {
        assertEquals(expected, ClientAccess.relation(caller, ROSA, link));
    }

    @ParameterizedTest
    @EnumSource(value = Relation.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void requireReadAllowsEveryRelation(Relation relation) {
        assertDoesNotThrow(() -> ClientAccess.requireRead(relation, "Client c-rosa"));
    }

    @Test
    void requireReadHidesTheClientFromStrangers() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ClientAccess.requireRead(Relation.NONE, "Client c-rosa"));
        assertEquals(404, e.problem().status());
        assertEquals("Client c-rosa was not found", e.problem().detail());
    }

    @Test
    void requireTeamWorkerAllowsTeamWorker() {
        assertDoesNotThrow(() -> ClientAccess.requireTeamWorker(Relation.TEAM_WORKER, "Visit v-1", "check in"));
    }

    @Test
    void requireTeamWorkerHidesFromStrangers() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ClientAccess.requireTeamWorker(Relation.NONE, "Visit v-1", "check in"));
        assertEquals(404, e.problem().status());
        assertEquals("Visit v-1 was not found", e.problem().detail());
    }

    @ParameterizedTest
    @EnumSource(value = Relation.class, names = {"LINKED_FAMILY", "PROVIDER_ADMIN"})
    void requireTeamWorkerForbidsOtherReaders(Relation relation) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ClientAccess.requireTeamWorker(relation, "Visit v-1", "check in"));
        assertEquals(403, e.problem().status());
        assertTrue(e.problem().detail().endsWith("may check in"), e.problem().detail());
    }

    @Test
    void requireSomeRoleForbidsCallerWithoutRole() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ClientAccess.requireSomeRole(caller("u-nobody", null)));
        assertEquals(403, e.problem().status());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void requireSomeRoleAcceptsAnyRole(Role role) {
        assertDoesNotThrow(() -> ClientAccess.requireSomeRole(caller("u-1", null, role)));
    }
}
