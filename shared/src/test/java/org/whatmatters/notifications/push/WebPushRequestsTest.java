package org.whatmatters.notifications.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request as a push service receives it, opened at the far end by the subscribing browser. */
class WebPushRequestsTest {

    private static final Vapid VAPID = Vapid.generate();
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String ENDPOINT = "http://localhost:4567/push/sub-1";
    private final PushKeys browser = PushKeys.generate();
    private final byte[] payload = "{\"kind\":\"ARRIVED\"}".getBytes(StandardCharsets.UTF_8);

    private PushRequest request(Duration ttl, Urgency urgency) {
        return WebPushRequests.of(ENDPOINT, browser.p256dh(), browser.authBase64(), payload, VAPID, "mailto:ops@example.org",
                ttl, urgency, NOW);
    }

    @Test
    void theRequestCarriesTheRfc8030HeadersAndABodyTheBrowserOpens() {
        PushRequest request = request(Duration.ofHours(1), Urgency.HIGH);

        assertEquals(URI.create(ENDPOINT), request.endpoint());
        assertEquals(List.of("Content-Encoding", "Content-Type", "TTL", "Urgency", "Authorization"),
                List.copyOf(request.headers().keySet()));
        assertEquals("aes128gcm", request.headers().get("Content-Encoding"));
        assertEquals("application/octet-stream", request.headers().get("Content-Type"));
        assertEquals("3600", request.headers().get("TTL"));
        assertEquals("high", request.headers().get("Urgency"));
        assertEquals(VAPID.publicKey(), Vapid.verify(request.headers().get("Authorization"), "http://localhost:4567", NOW));
        assertArrayEquals(payload, browser.decrypt(request.body()));
    }

    @Test
    void urgencyAndTtlAreWrittenAsTheRfcSpellsThem() {
        assertEquals("very-low", request(Duration.ZERO, Urgency.VERY_LOW).headers().get("Urgency"));
        assertEquals("low", request(Duration.ZERO, Urgency.LOW).headers().get("Urgency"));
        assertEquals("normal", request(Duration.ZERO, Urgency.NORMAL).headers().get("Urgency"));
        assertEquals("0", request(Duration.ZERO, Urgency.NORMAL).headers().get("TTL"));
        assertEquals("86400", request(Duration.ofDays(1), Urgency.NORMAL).headers().get("TTL"));
    }

    @Test
    void aBadTtlSubscriptionOrPayloadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> request(Duration.ofSeconds(-1), Urgency.NORMAL));
        assertThrows(IllegalArgumentException.class, () -> WebPushRequests.of(ENDPOINT, browser.p256dh(), "c2hvcnQ", payload,
                VAPID, "mailto:ops@example.org", Duration.ZERO, Urgency.NORMAL, NOW), "auth is not 16 bytes");
        assertThrows(IllegalArgumentException.class, () -> WebPushRequests.of(ENDPOINT, browser.p256dh(), browser.authBase64(),
                new byte[4000], VAPID, "mailto:ops@example.org", Duration.ZERO, Urgency.NORMAL, NOW));
    }
}
