package org.whatmatters.functions.notifications;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.whatmatters.domain.PushSubscription;
import org.whatmatters.notifications.SendResult;
import org.whatmatters.notifications.push.PushRequest;
import org.whatmatters.notifications.push.Urgency;
import org.whatmatters.notifications.push.WebPushRequests;

/**
 * Web Push (RFC 8030) to a browser's push service: the payload encrypted to the subscription (RFC 8291),
 * signed with the stack's VAPID key (RFC 8292). 404 and 410 mean the subscription is gone for good.
 */
final class WebPush {

    /** How long a push service keeps a message for a phone that is off: a day, after that it is stale. */
    static final Duration TTL = Duration.ofHours(24);

    private final VapidKeys keys;
    private final String subject;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    WebPush(VapidKeys keys, String subject) {
        this.keys = keys;
        this.subject = subject;
    }

    String publicKey() {
        return keys.publicKey();
    }

    SendResult send(PushSubscription to, String payloadJson, boolean urgent) {
        PushRequest p;
        try {
            p = WebPushRequests.of(to.endpoint(), to.p256dh(), to.auth(), payloadJson.getBytes(StandardCharsets.UTF_8),
                    keys.get(), subject, TTL, urgent ? Urgency.HIGH : Urgency.NORMAL, Clock.systemUTC().instant());
        } catch (IllegalArgumentException e) {
            // Keys nothing can be encrypted to: the subscription is of no use.
            return new SendResult.Rejected("subscription keys unusable", true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(p.endpoint()).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()));
        p.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.Unknown(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Unknown("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendResult.Sent(response.headers().firstValue("location").orElse(to.subscriptionId()));
        }
        if (status == 404 || status == 410) {
            return new SendResult.Rejected("subscription gone (" + status + ")", true);
        }
        return status == 429 || status >= 500 ? new SendResult.Failed("push service answered " + status)
                : new SendResult.Rejected("push service answered " + status, false);
    }
}
