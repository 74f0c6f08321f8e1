package org.whatmatters.domain;

import java.time.Instant;

/** What one e-mail's unsubscribe link turns off: one kind of update, on one channel, about one person. */
public record UnsubscribeLink(String token, String recipientId, String clientId, UpdateKind kind, Channel channel,
                              Instant expiresAt) {
}
