package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What mattered to a person, in their (or their family's, or the team's) words, tagged by outcome
 * domain and the goals ("what does a good week look like") it relates to. {@code teamId} is the
 * client's team when it was recorded: the team it counts for.
 */
public record OutcomeStory(String storyId, String clientId, String teamId, String title, String text, LocalDate date,
                           List<OutcomeDomain> domains, List<String> goals, SharingConsent consent,
                           String recordedBy, AuthorRole authorRole, String authorName, Instant createdAt) {

    /** Whether the author recorded it as a worker of the team or as family. */
    public enum AuthorRole {
        WORKER, FAMILY
    }

    public OutcomeStory {
        domains = List.copyOf(domains);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
