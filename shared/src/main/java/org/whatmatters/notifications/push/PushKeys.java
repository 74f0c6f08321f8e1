package org.whatmatters.notifications.push;

import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * What a browser makes for a push subscription: a P-256 key pair and a 16-byte auth secret. The local push
 * service's stand-in and tests play the browser with it.
 */
public record PushKeys(KeyPair keys, byte[] auth) {

    public PushKeys {
        P256.point(keys.getPublic());
        P256.scalar(keys.getPrivate());
        WebPushEncryption.checkAuthSecret(auth);
    }

    public static PushKeys generate() {
        byte[] auth = new byte[WebPushEncryption.AUTH_SECRET_LENGTH];
        // A new generator each time: one made before a SnapStart snapshot would be shared by every restored copy.
        new SecureRandom().nextBytes(auth);
        return new PushKeys(P256.generate(), auth);
    }

    /** The subscription's keys.p256dh: base64url of the public point. */
    public String p256dh() {
        return Base64Url.encode(P256.point(keys.getPublic()));
    }

    /** The subscription's keys.auth: base64url of the secret. */
    public String authBase64() {
        return Base64Url.encode(auth);
    }

    /** The payload of a push message sent to this subscription. */
    public byte[] decrypt(byte[] body) {
        return WebPushDecryption.decrypt(keys, auth, body);
    }
}
