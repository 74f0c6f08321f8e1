package org.whatmatters.feedback;

/** The outcome of a submission: {@code created} is false when an identical earlier submission is returned. */
public record Submitted(ResponseView response, boolean created) {
}
