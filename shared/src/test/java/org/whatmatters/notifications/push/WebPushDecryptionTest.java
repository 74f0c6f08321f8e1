package org.whatmatters.notifications.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.notifications.push.Base64Url.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The browser's side refuses what it cannot trust, saying why. */
class WebPushDecryptionTest {

    private final PushKeys browser = PushKeys.generate();
    private final byte[] payload = "Tom's visit is late".getBytes(StandardCharsets.UTF_8);
    private final byte[] body = WebPushEncryption.encrypt(decode(browser.p256dh()), browser.auth(), payload);

    private void refused(byte[] altered, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> browser.decrypt(altered));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theUntouchedBodyOpens() {
        assertArrayEquals(payload, browser.decrypt(body));
    }

    @Test
    void aChangedCiphertextTagOrSaltDoesNotAuthenticate() {
        for (int at : new int[] {90, body.length - 1, 3}) {
            byte[] tampered = body.clone();
            tampered[at] ^= 0x01;
            refused(tampered, "does not authenticate");
        }
    }

    @Test
    void aWrongAuthSecretOrAnotherSubscriptionsKeysDoNotAuthenticate() {
        byte[] wrongAuth = browser.auth().clone();
        wrongAuth[0] ^= 0x01;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebPushDecryption.decrypt(browser.keys(), wrongAuth, body));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());

        PushKeys other = PushKeys.generate();
        assertThrows(IllegalArgumentException.class, () -> WebPushDecryption.decrypt(other.keys(), browser.auth(), body));
    }

    @Test
    void aTruncatedHeaderOrAMissingRecordIsNotAnAes128gcmBody() {
        refused(Arrays.copyOf(body, 85), "shorter than its 86-byte header");
        refused(Arrays.copyOf(body, 20), "shorter than its 86-byte header");
        refused(Arrays.copyOf(body, 86), "no record");
        refused(Arrays.copyOf(body, 86 + 16), "no record");
    }

    @Test
    void aKeyIdThatIsNotAPublicKeyIsRefused() {
        byte[] idlen = body.clone();
        idlen[20] = 64;
        refused(idlen, "key id is 64 bytes");
        byte[] offCurve = body.clone();
        offCurve[85] ^= 0x01;
        refused(offCurve, "not on P-256");
    }

    @Test
    void aRecordLongerThanTheRecordSizeIsRefused() {
        byte[] small = body.clone();
        ByteBuffer.wrap(small).putInt(16, 18);
        refused(small, "more than one record");
        byte[] tiny = body.clone();
        ByteBuffer.wrap(tiny).putInt(16, 17);
        refused(tiny, "under 18");
    }
}
