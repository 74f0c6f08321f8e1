package org.whatmatters.setup;

/** The body of {@code POST /teams}. */
public record NewTeam(String name) {
}
