package org.whatmatters.invites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodeTest {

    @Test
    void codesCarry256RandomBitsInUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = InviteCode.generate();
            assertEquals(43, code.length());
            assertTrue(InviteCode.wellFormed(code), code);
            assertEquals(32, Base64.getUrlDecoder().decode(code).length);
            assertTrue(seen.add(code));
        }
    }

    @Test
    void theHashIsSha256InHex() {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InviteCode.hash("abc"));
        assertNotEquals(InviteCode.hash(InviteCode.generate()), InviteCode.hash(InviteCode.generate()));
    }

    @Test
    void onlyCodesOfTheRightShapeAreWellFormed() {
        assertFalse(InviteCode.wellFormed(null));
        assertFalse(InviteCode.wellFormed(""));
        assertFalse(InviteCode.wellFormed("a".repeat(42)));
        assertFalse(InviteCode.wellFormed("a".repeat(44)));
        assertFalse(InviteCode.wellFormed("a".repeat(42) + "="));
        assertFalse(InviteCode.wellFormed("a".repeat(42) + "/"));
        assertTrue(InviteCode.wellFormed("-_" + "a".repeat(41)));
    }
}
