package org.whatmatters.notifications.push;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the request that delivers one message to one subscription; sending it is the caller's. */
public final class WebPushRequests {

    private WebPushRequests() {
    }

    /**
     * @param endpoint the subscription's endpoint URL
     * @param p256dh the subscription's keys.p256dh, base64url
     * @param auth the subscription's keys.auth, base64url
     * @param subject the VAPID contact, mailto: or https:
     * @param ttl how long the push service may hold the message for an offline browser; zero to drop it then
     * @throws IllegalArgumentException for a bad endpoint, key, secret, subject or TTL, or a payload too large
     */
    public static PushRequest of(String endpoint, String p256dh, String auth, byte[] payload, Vapid vapid, String subject,
            Duration ttl, Urgency urgency, Instant now) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the TTL is not negative, got " + ttl);
        }
        String authorization = vapid.authorization(endpoint, subject, now);
        byte[] body = WebPushEncryption.encrypt(Base64Url.decode(p256dh), Base64Url.decode(auth), payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Encoding", "aes128gcm");
        headers.put("Content-Type", "application/octet-stream");
        headers.put("TTL", Long.toString(ttl.toSeconds()));
        headers.put("Urgency", urgency.header());
        headers.put("Authorization", authorization);
        return new PushRequest(URI.create(endpoint), headers, body);
    }
}
