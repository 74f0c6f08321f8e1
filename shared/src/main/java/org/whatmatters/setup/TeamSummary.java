package org.whatmatters.setup;

import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /teams}. */
public record TeamSummary(List<Team> teams) {

    public record Team(String teamId, String name, Instant createdAt) {
    }
}
