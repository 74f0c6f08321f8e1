package org.whatmatters.domain;

import java.time.Instant;

/** The care provider that owns this stack; one per deployment. */
public record Provider(String providerId, String name, String timeZone, Instant createdAt) {
}
