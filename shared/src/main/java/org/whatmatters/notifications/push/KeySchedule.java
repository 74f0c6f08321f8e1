package org.whatmatters.notifications.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one push message, each step kept so RFC 8291 Appendix A can be checked value by value:
 * the auth secret and ECDH secret give IKM (RFC 8291 section 3.4); IKM and the salt give the content
 * encryption key and nonce (RFC 8188 section 2.2 and 2.3).
 */
record KeySchedule(byte[] ecdhSecret, byte[] prkKey, byte[] keyInfo, byte[] ikm, byte[] prk, byte[] cek, byte[] nonce) {

    static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);

    static KeySchedule derive(byte[] ecdhSecret, byte[] authSecret, byte[] uaPublic, byte[] asPublic, byte[] salt) {
        byte[] prkKey = extract(authSecret, ecdhSecret);
        byte[] keyInfo = concat(KEY_INFO, uaPublic, asPublic);
        byte[] ikm = expand(prkKey, keyInfo, 32);
        byte[] prk = extract(salt, ikm);
        return new KeySchedule(ecdhSecret, prkKey, keyInfo, ikm, prk, expand(prk, CEK_INFO, 16), expand(prk, NONCE_INFO, 12));
    }

    /** HKDF-Extract (RFC 5869): HMAC-SHA-256 keyed with the salt. */
    private static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return hmac(salt, inputKeyMaterial);
    }

    /** HKDF-Expand for at most one block (32 bytes), all Web Push needs: T(1) = HMAC(PRK, info | 0x01). */
    private static byte[] expand(byte[] prk, byte[] info, int length) {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
