package org.whatmatters.notifications.push;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a push message as the browser does (RFC 8291), for the local push service's stand-in and tests.
 * Only the one record RFC 8291 section 4 requires an application server to send is accepted.
 */
public final class WebPushDecryption {

    private WebPushDecryption() {
    }

    /**
     * The plaintext of a push message body.
     *
     * @param uaKeys the subscription's P-256 key pair
     * @throws IllegalArgumentException if the body is not one aes128gcm record for these keys and this secret,
     *     or was altered
     */
    public static byte[] decrypt(KeyPair uaKeys, byte[] authSecret, byte[] body) {
        WebPushEncryption.checkAuthSecret(authSecret);
        byte[] uaPublic = P256.point(uaKeys.getPublic());
        if (body == null || body.length < WebPushEncryption.HEADER_LENGTH) {
            throw new IllegalArgumentException("not an aes128gcm body: shorter than its " + WebPushEncryption.HEADER_LENGTH
                    + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[WebPushEncryption.SALT_LENGTH];
        in.get(salt);
        long recordSize = Integer.toUnsignedLong(in.getInt());
        int idLength = Byte.toUnsignedInt(in.get());
        if (recordSize < WebPushEncryption.TAG_LENGTH + 2) {
            throw new IllegalArgumentException("not an aes128gcm body: record size " + recordSize + " is under 18");
        }
        if (idLength != P256.POINT_LENGTH) {
            throw new IllegalArgumentException("not a Web Push body: the key id is " + idLength
                    + " bytes, not the application server's 65-byte public key");
        }
        byte[] asPublic = new byte[P256.POINT_LENGTH];
        in.get(asPublic);
        byte[] record = Arrays.copyOfRange(body, WebPushEncryption.HEADER_LENGTH, body.length);
        if (record.length < WebPushEncryption.TAG_LENGTH + 1) {
            throw new IllegalArgumentException("not an aes128gcm body: no record after the header");
        }
        if (record.length > recordSize) {
            throw new IllegalArgumentException("more than one record (" + record.length + " bytes past the header, record size "
                    + recordSize + "); a push message is a single record");
        }
        byte[] ecdhSecret = P256.agree(uaKeys.getPrivate(), P256.publicKey(asPublic));
        KeySchedule keys = KeySchedule.derive(ecdhSecret, authSecret, uaPublic, asPublic, salt);
        return unpad(open(keys, record));
    }

    /** @see #decrypt(KeyPair, byte[], byte[]) */
    public static byte[] decrypt(byte[] uaPrivate, byte[] uaPublic, byte[] authSecret, byte[] body) {
        return decrypt(P256.keyPair(uaPublic, uaPrivate), authSecret, body);
    }

    private static byte[] open(KeySchedule keys, byte[] record) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.cek(), "AES"),
                    new GCMParameterSpec(WebPushEncryption.TAG_LENGTH * 8, keys.nonce()));
            return gcm.doFinal(record);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the record does not authenticate: another subscription's keys or auth "
                    + "secret, or the body was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }

    /** Padding is zeros after a delimiter, 0x02 in the last record (RFC 8188 section 2). */
    private static byte[] unpad(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0) {
            throw new IllegalArgumentException("the record has no padding delimiter");
        }
        if (padded[end] != WebPushEncryption.LAST_RECORD) {
            throw new IllegalArgumentException("the record's delimiter is 0x" + Integer.toHexString(padded[end] & 0xff)
                    + ", not 0x02 of a last record; a push message is a single record");
        }
        return Arrays.copyOf(padded, end);
    }
}
