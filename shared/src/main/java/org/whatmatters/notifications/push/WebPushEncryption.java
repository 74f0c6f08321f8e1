package org.whatmatters.notifications.push;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push message to a subscription (RFC 8291): a fresh P-256 key pair and salt each message, one
 * aes128gcm record (RFC 8188) carrying the application server's public key as its key id.
 */
public final class WebPushEncryption {

    public static final int RECORD_SIZE = 4096;
    public static final int AUTH_SECRET_LENGTH = 16;
    static final int SALT_LENGTH = 16;
    static final int TAG_LENGTH = 16;
    /** salt (16) | rs (4) | idlen (1) | keyid: the application server's public key (65). */
    static final int HEADER_LENGTH = SALT_LENGTH + 4 + 1 + P256.POINT_LENGTH;
    static final byte LAST_RECORD = 0x02;
    /** A push service need take no more than 4096 bytes of body (RFC 8030 section 7.2), header and tag included. */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - TAG_LENGTH - 1 - HEADER_LENGTH;

    private WebPushEncryption() {
    }

    /**
     * The request body for a push message.
     *
     * @param uaPublicKey the subscription's p256dh: a 65-byte uncompressed P-256 point
     * @param authSecret the subscription's auth: 16 bytes
     * @throws IllegalArgumentException for a bad key or secret, or a plaintext over {@link #MAX_PLAINTEXT} bytes
     */
    public static byte[] encrypt(byte[] uaPublicKey, byte[] authSecret, byte[] plaintext) {
        byte[] salt = new byte[SALT_LENGTH];
        // A new generator per message: one made before a SnapStart snapshot would be shared by every restored copy.
        new SecureRandom().nextBytes(salt);
        return encrypt(uaPublicKey, authSecret, plaintext, P256.generate(), salt);
    }

    /** With the ephemeral key pair and salt given, so the RFC's example can be reproduced. */
    static byte[] encrypt(byte[] uaPublicKey, byte[] authSecret, byte[] plaintext, KeyPair ephemeral, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes, this one has "
                    + plaintext.length);
        }
        checkAuthSecret(authSecret);
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt is 16 bytes");
        }
        byte[] asPublic = P256.point(ephemeral.getPublic());
        byte[] ecdhSecret = P256.agree(ephemeral.getPrivate(), P256.publicKey(uaPublicKey));
        KeySchedule keys = KeySchedule.derive(ecdhSecret, authSecret, uaPublicKey, asPublic, salt);
        byte[] record = seal(keys, KeySchedule.concat(plaintext, new byte[] {LAST_RECORD}));
        return ByteBuffer.allocate(HEADER_LENGTH + record.length)
                .put(salt)
                .putInt(RECORD_SIZE)
                .put((byte) P256.POINT_LENGTH)
                .put(asPublic)
                .put(record)
                .array();
    }

    static void checkAuthSecret(byte[] authSecret) {
        if (authSecret == null || authSecret.length != AUTH_SECRET_LENGTH) {
            throw new IllegalArgumentException("the auth secret is 16 bytes, got "
                    + (authSecret == null ? "nothing" : authSecret.length));
        }
    }

    private static byte[] seal(KeySchedule keys, byte[] padded) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cek(), "AES"), new GCMParameterSpec(TAG_LENGTH * 8, keys.nonce()));
            return gcm.doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }
}
