package org.whatmatters.domain;

import java.time.Instant;

/**
 * One update sent (or being sent) to one person on one channel: the claim that makes a send happen once.
 * {@code detail} is the provider's message id once sent, or why it failed.
 */
public record Delivery(String recipientId, String updateId, Channel channel, Status status, String clientId,
                       UpdateKind kind, Instant at, String detail) {

    public enum Status { SENDING, SENT, FAILED }
}
