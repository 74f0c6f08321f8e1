package org.whatmatters.domain;

import java.time.Instant;

/** A notification quiet hours hold until {@code due}: the queue message as it will be sent then. */
public record HeldNotification(Instant due, String key, String message) {
}
