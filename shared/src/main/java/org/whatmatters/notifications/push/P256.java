package org.whatmatters.notifications.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * P-256 keys in the forms Web Push writes them: a public key as its uncompressed point (65 bytes,
 * 0x04 | X | Y), a private key as its 32-byte scalar.
 */
public final class P256 {

    public static final int POINT_LENGTH = 65;
    public static final int SCALAR_LENGTH = 32;
    private static final int COORDINATE = 32;
    private static final ECParameterSpec CURVE = curve();

    private P256() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            // A new generator each time: one made before a SnapStart snapshot would be shared by every restored copy.
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is always available", e);
        }
    }

    /** @throws IllegalArgumentException unless the bytes are an uncompressed point on P-256 */
    public static ECPublicKey publicKey(byte[] point) {
        if (point == null || point.length != POINT_LENGTH || point[0] != 0x04) {
            throw new IllegalArgumentException("a P-256 public key is a 65-byte uncompressed point starting 0x04, got "
                    + (point == null ? "nothing" : point.length + " bytes"));
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORDINATE));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + COORDINATE, POINT_LENGTH));
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("the point is not on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key: " + e.getMessage(), e);
        }
    }

    public static byte[] point(PublicKey key) {
        ECPoint w = p256(key, ECPublicKey.class).getW();
        byte[] point = new byte[POINT_LENGTH];
        point[0] = 0x04;
        fixed(w.getAffineX(), point, 1);
        fixed(w.getAffineY(), point, 1 + COORDINATE);
        return point;
    }

    /** @throws IllegalArgumentException unless the bytes are a 32-byte scalar in [1, n-1] */
    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar == null || scalar.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("a P-256 private key is a 32-byte scalar, got "
                    + (scalar == null ? "nothing" : scalar.length + " bytes"));
        }
        BigInteger s = new BigInteger(1, scalar);
        if (s.signum() == 0 || s.compareTo(CURVE.getOrder()) >= 0) {
            throw new IllegalArgumentException("the scalar is outside the P-256 group");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key: " + e.getMessage(), e);
        }
    }

    public static byte[] scalar(PrivateKey key) {
        byte[] scalar = new byte[SCALAR_LENGTH];
        fixed(p256(key, ECPrivateKey.class).getS(), scalar, 0);
        return scalar;
    }

    /** A key pair from its two halves as Web Push writes them; that they belong together is not checked here. */
    public static KeyPair keyPair(byte[] point, byte[] scalar) {
        return new KeyPair(publicKey(point), privateKey(scalar));
    }

    /** The ECDH shared secret: the X coordinate of the product, 32 bytes. */
    static byte[] agree(PrivateKey own, PublicKey peer) {
        try {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(p256(own, ECPrivateKey.class));
            ecdh.doPhase(p256(peer, ECPublicKey.class), true);
            return ecdh.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed: " + e.getMessage(), e);
        }
    }

    private static <K extends ECKey> K p256(Object key, Class<K> type) {
        if (!type.isInstance(key)) {
            throw new IllegalArgumentException("not an EC key: " + (key == null ? "nothing" : key.getClass().getName()));
        }
        K ec = type.cast(key);
        ECParameterSpec params = ec.getParams();
        if (!params.getCurve().equals(CURVE.getCurve()) || !params.getOrder().equals(CURVE.getOrder())) {
            throw new IllegalArgumentException("an EC key on a curve other than P-256");
        }
        return ec;
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) CURVE.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(CURVE.getCurve().getA().multiply(x)).add(CURVE.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    /** Big-endian, left-padded to 32 bytes (BigInteger gives a sign byte or fewer bytes). */
    private static void fixed(BigInteger value, byte[] into, int at) {
        byte[] raw = value.toByteArray();
        int from = Math.max(0, raw.length - COORDINATE);
        int length = raw.length - from;
        System.arraycopy(raw, from, into, at + COORDINATE - length, length);
    }

    private static ECParameterSpec curve() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is always available", e);
        }
    }
}
