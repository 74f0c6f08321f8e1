package org.whatmatters.notifications.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.whatmatters.notifications.push.Base64Url.decode;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** P-256 keys to and from the bytes Web Push writes, and base64url. */
class P256Test {

    @Test
    void aPointAndAScalarRoundTripThroughTheirKeys() {
        for (int i = 0; i < 20; i++) {
            KeyPair keys = P256.generate();
            byte[] point = P256.point(keys.getPublic());
            byte[] scalar = P256.scalar(keys.getPrivate());
            assertEquals(65, point.length);
            assertEquals(0x04, point[0]);
            assertEquals(32, scalar.length);

            ECPublicKey publicKey = P256.publicKey(point);
            ECPrivateKey privateKey = P256.privateKey(scalar);
            assertEquals(((ECPublicKey) keys.getPublic()).getW(), publicKey.getW());
            assertEquals(((ECPrivateKey) keys.getPrivate()).getS(), privateKey.getS());
            assertArrayEquals(point, P256.point(publicKey));
            assertArrayEquals(scalar, P256.scalar(privateKey));
        }
    }

    @Test
    void theRfcKeysRoundTripAndAgree() {
        byte[] point = decode(Rfc8291Example.UA_PUBLIC);
        byte[] scalar = decode(Rfc8291Example.UA_PRIVATE);
        assertArrayEquals(point, P256.point(P256.publicKey(point)));
        assertArrayEquals(scalar, P256.scalar(P256.privateKey(scalar)));
    }

    @Test
    void aSmallScalarIsWrittenInFull32Bytes() {
        byte[] one = new byte[32];
        one[31] = 1;
        ECPrivateKey key = P256.privateKey(one);
        assertEquals(BigInteger.ONE, key.getS());
        assertArrayEquals(one, P256.scalar(key));
    }

    @Test
    void badPointsAndScalarsAreRefused() {
        byte[] point = P256.point(P256.generate().getPublic());
        assertThrows(IllegalArgumentException.class, () -> P256.publicKey(Arrays.copyOf(point, 64)), "short");
        byte[] compressedTag = point.clone();
        compressedTag[0] = 0x02;
        assertThrows(IllegalArgumentException.class, () -> P256.publicKey(compressedTag), "not uncompressed");
        byte[] offCurve = point.clone();
        offCurve[40] ^= 0x01;
        assertThrows(IllegalArgumentException.class, () -> P256.publicKey(offCurve), "off the curve");

        assertThrows(IllegalArgumentException.class, () -> P256.privateKey(new byte[31]), "short");
        assertThrows(IllegalArgumentException.class, () -> P256.privateKey(new byte[32]), "zero");
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff);
        assertThrows(IllegalArgumentException.class, () -> P256.privateKey(ones), "not below the order");
    }

    @Test
    void base64urlIsWrittenWithoutPaddingAndReadWithOrWithout() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01, 0x02};
        assertEquals("-_8BAg", Base64Url.encode(bytes));
        assertArrayEquals(bytes, Base64Url.decode("-_8BAg"));
        assertArrayEquals(bytes, Base64Url.decode("-_8BAg=="));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("+/8BAg"), "standard alphabet is not base64url");
    }
}
