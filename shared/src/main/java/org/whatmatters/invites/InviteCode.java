package org.whatmatters.invites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Single-use invite codes: 256 random bits, URL-safe (43 characters). Only their SHA-256 is
 * stored; with that much entropy an unsalted hash cannot be reversed by guessing.
 */
public final class InviteCode {

    static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private InviteCode() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        // A new generator per code: one made before a SnapStart snapshot would be shared by every restored copy.
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
