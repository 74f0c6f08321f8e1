package org.whatmatters.stories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.access.Relation;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.SharingConsent;

/**
 * A story as one caller may see it. Everyone who may read it sees who told it by name and role;
 * only the team and the provider admin see the author's account id.
 */
public record StoryView(String storyId, String clientId, String title, String text, LocalDate date,
                        List<OutcomeDomain> domains, List<String> goals, SharingConsent consent, Author author,
                        Instant createdAt) {

    public record Author(String role, String name, String id) {
    }

    static StoryView of(OutcomeStory s, Relation relation) {
        boolean team = relation == Relation.TEAM_WORKER || relation == Relation.PROVIDER_ADMIN;
        Author author = new Author(s.authorRole() == OutcomeStory.AuthorRole.WORKER ? "worker" : "family",
                s.authorName(), team ? s.recordedBy() : null);
        return new StoryView(s.storyId(), s.clientId(), s.title(), s.text(), s.date(), s.domains(), s.goals(),
                s.consent(), author, s.createdAt());
    }
}
