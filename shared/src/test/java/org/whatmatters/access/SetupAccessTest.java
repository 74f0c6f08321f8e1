package org.whatmatters.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.domain.Contract;
import org.whatmatters.problem.ProblemException;

class SetupAccessTest {

    private static final Contract RIDGESHIRE = new Contract("ct-1", "comm-ridgeshire", "Ridgeshire",
            List.of("t-north"), LocalDate.parse("2026-04-01"), LocalDate.parse("2027-03-31"), "a", Instant.EPOCH, 1);

    private static Caller caller(Role role, String team, String commissioner) {
        return new Caller("s", role == null ? Set.of() : Set.of(role), null, team, commissioner);
    }

    @Test
    void teamsAreSeenByTheAdminAndTheirOwnWorkers() {
        assertTrue(SetupAccess.seesTeam(caller(Role.PROVIDER_ADMIN, null, null), "t-north"));
        assertTrue(SetupAccess.seesTeam(caller(Role.WORKER, "t-north", null), "t-north"));
        assertFalse(SetupAccess.seesTeam(caller(Role.WORKER, "t-south", null), "t-north"));
        assertFalse(SetupAccess.seesTeam(caller(Role.FAMILY, "t-north", null), "t-north"), "a team claim alone is not enough");
        assertFalse(SetupAccess.seesTeam(caller(Role.COMMISSIONER, null, null), "t-north"));
    }

    @Test
    void contractsAreSeenByTheAdminAndTheirCommissioner() {
        assertTrue(SetupAccess.seesContract(caller(Role.PROVIDER_ADMIN, null, null), RIDGESHIRE));
        assertTrue(SetupAccess.seesContract(caller(Role.COMMISSIONER, null, "comm-ridgeshire"), RIDGESHIRE));
        assertFalse(SetupAccess.seesContract(caller(Role.COMMISSIONER, null, "comm-eastvale"), RIDGESHIRE));
        assertFalse(SetupAccess.seesContract(caller(Role.COMMISSIONER, null, null), RIDGESHIRE));
        assertFalse(SetupAccess.seesContract(caller(Role.WORKER, "t-north", "comm-ridgeshire"), RIDGESHIRE));
    }

    @Test
    void setUpIsTheAdminsAndNoRoleIsForbidden() {
        SetupAccess.requireAdmin(caller(Role.PROVIDER_ADMIN, null, null), "x");
        assertEquals(403, assertThrows(ProblemException.class,
                () -> SetupAccess.requireAdmin(caller(Role.WORKER, "t-north", null), "x")).problem().status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> SetupAccess.requireAdmin(caller(null, null, null), "x")).problem().status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> SetupAccess.requireSees(false, "Team t-x")).problem().status());
    }
}
