package org.whatmatters.notifications;

/** The body of POST /me/push-subscriptions: the browser's PushSubscription.toJSON(). */
public record NewPushSubscription(String endpoint, Long expirationTime, Keys keys) {

    public record Keys(String p256dh, String auth) {
    }
}
