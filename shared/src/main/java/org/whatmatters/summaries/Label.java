package org.whatmatters.summaries;

/** A display name for an id in an output (a team, a question); never a person's name. */
public record Label(String id, String name) {
}
