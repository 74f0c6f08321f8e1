package org.whatmatters.notifications;

/**
 * What a channel said about one send. Only {@link Failed} is retried: the provider said for certain that
 * nothing went out. {@link Unknown} (a timeout mid-send) is not, so nobody is told twice; see docs/notifications.md.
 */
public sealed interface SendResult {

    record Sent(String messageId) implements SendResult {
    }

    /** Refused for now (throttled, 5xx): sending again is safe. */
    record Failed(String why) implements SendResult {
    }

    /** Refused for good (an address the provider will never take, a push subscription gone). */
    record Rejected(String why, boolean gone) implements SendResult {
    }

    record Unknown(String why) implements SendResult {
    }
}
