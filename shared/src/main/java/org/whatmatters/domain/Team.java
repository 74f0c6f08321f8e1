package org.whatmatters.domain;

import java.time.Instant;

/** A small self-managing care team. */
public record Team(String teamId, String name, Instant createdAt) {
}
