package org.whatmatters.domain;

import java.time.Instant;

/**
 * One browser or phone that accepted Web Push for a family member: the push service's endpoint and the keys
 * the message is encrypted to (RFC 8291: {@code p256dh} the P-256 point, {@code auth} the secret, base64url).
 */
public record PushSubscription(String recipientId, String subscriptionId, String endpoint, String p256dh,
                               String auth, Instant createdAt) {
}
