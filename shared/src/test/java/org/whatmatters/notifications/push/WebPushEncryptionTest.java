package org.whatmatters.notifications.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.notifications.push.Base64Url.decode;
import static org.whatmatters.notifications.push.Base64Url.encode;
import static org.whatmatters.notifications.push.Rfc8291Example.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 8291's example reproduced step by step, and messages to fresh subscriptions opened again. */
class WebPushEncryptionTest {

    private static final KeyPair AS_KEYS = P256.keyPair(decode(AS_PUBLIC), decode(AS_PRIVATE));
    private static final KeyPair UA_KEYS = P256.keyPair(decode(UA_PUBLIC), decode(UA_PRIVATE));
    private static final byte[] PLAIN = PLAINTEXT.getBytes(StandardCharsets.UTF_8);

    @Test
    void theRfcExampleEncryptsToTheRfcBodyByteForByte() {
        byte[] body = WebPushEncryption.encrypt(decode(UA_PUBLIC), decode(AUTH_SECRET), PLAIN, AS_KEYS, decode(SALT));

        assertEquals(BODY, encode(body));
        assertArrayEquals(decode(HEADER), Arrays.copyOf(body, 86), "salt | rs 4096 | idlen 65 | as_public");
        assertArrayEquals(decode(CIPHERTEXT), Arrays.copyOfRange(body, 86, body.length));
    }

    @Test
    void eachStepOfTheRfcExampleGivesTheRfcValue() {
        byte[] ecdh = P256.agree(AS_KEYS.getPrivate(), UA_KEYS.getPublic());
        assertEquals(ECDH_SECRET, encode(ecdh));
        assertEquals(ECDH_SECRET, encode(P256.agree(UA_KEYS.getPrivate(), AS_KEYS.getPublic())), "both sides agree");

        KeySchedule keys = KeySchedule.derive(ecdh, decode(AUTH_SECRET), decode(UA_PUBLIC), decode(AS_PUBLIC), decode(SALT));
        assertEquals(PRK_KEY, encode(keys.prkKey()));
        assertEquals(KEY_INFO, encode(keys.keyInfo()));
        assertEquals(IKM, encode(keys.ikm()));
        assertEquals(PRK, encode(keys.prk()));
        assertEquals(CEK_INFO, encode(KeySchedule.CEK_INFO));
        assertEquals(CEK, encode(keys.cek()));
        assertEquals(NONCE_INFO, encode(KeySchedule.NONCE_INFO));
        assertEquals(NONCE, encode(keys.nonce()));
    }

    @Test
    void theUserAgentOpensTheRfcBody() {
        byte[] opened = WebPushDecryption.decrypt(decode(UA_PRIVATE), decode(UA_PUBLIC), decode(AUTH_SECRET), decode(BODY));
        assertEquals(PLAINTEXT, new String(opened, StandardCharsets.UTF_8));
    }

    @Test
    void aMessageToAFreshSubscriptionOpensWithItsKeys() {
        PushKeys browser = PushKeys.generate();
        byte[] payload = "{\"title\":\"Maria has arrived\"}".getBytes(StandardCharsets.UTF_8);

        byte[] body = WebPushEncryption.encrypt(decode(browser.p256dh()), decode(browser.authBase64()), payload);

        assertArrayEquals(payload, WebPushDecryption.decrypt(browser.keys(), browser.auth(), body));
        assertEquals(86 + payload.length + 1 + 16, body.length);
        ByteBuffer header = ByteBuffer.wrap(body, 16, 5);
        assertEquals(4096, header.getInt(), "rs");
        assertEquals(65, header.get(), "idlen");
    }

    @Test
    void everyMessageHasItsOwnSaltAndKey() {
        PushKeys browser = PushKeys.generate();
        byte[] first = WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(), PLAIN);
        byte[] second = WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(), PLAIN);

        assertFalse(Arrays.equals(Arrays.copyOf(first, 16), Arrays.copyOf(second, 16)), "salt");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 21, 86), Arrays.copyOfRange(second, 21, 86)), "key id");
        assertArrayEquals(PLAIN, browser.decrypt(first));
        assertArrayEquals(PLAIN, browser.decrypt(second));
    }

    @Test
    void anEmptyAndTheLargestPayloadGoThroughAndTheLargestFillsFourKilobytes() {
        PushKeys browser = PushKeys.generate();
        byte[] largest = new byte[3993];
        Arrays.fill(largest, (byte) 'x');

        byte[] body = WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(), largest);

        assertEquals(4096, body.length);
        assertArrayEquals(largest, browser.decrypt(body));
        assertArrayEquals(new byte[0], browser.decrypt(WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(),
                new byte[0])));
    }

    @Test
    void aPayloadOverTheLimitIsRefused() {
        PushKeys browser = PushKeys.generate();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(), new byte[3994]));
        assertTrue(e.getMessage().contains("3993"), e.getMessage());
        assertEquals(3993, WebPushEncryption.MAX_PLAINTEXT);
    }

    @Test
    void aBadSubscriptionIsRefused() {
        PushKeys browser = PushKeys.generate();
        byte[] point = decode(browser.p256dh());
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(point, new byte[15], PLAIN), "short auth");
        byte[] offCurve = point.clone();
        offCurve[64] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(offCurve, browser.auth(), PLAIN));
    }
}
