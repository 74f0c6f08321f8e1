package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.Relation;
import org.whatmatters.data.ItemPage;
import org.whatmatters.domain.Client;
import org.whatmatters.problem.Violations;

/** What a family missed while offline: the client's feed of live updates, for whoever may read the client. */
@Singleton
public final class UpdateFeed {

    static final int PAGE_DEFAULT = 50;
    static final int PAGE_MAX = 100;

    private final ClientRelations relations;
    private final FeedStore feed;
    private final Clock clock;

    @Inject
    public UpdateFeed(ClientRelations relations, FeedStore feed, Clock clock) {
        this.relations = relations;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Updates from {@code since} (inclusive: a client asking from the time of the last update it saw
     * gets that one again and drops it by id, rather than missing one of the same millisecond);
     * without {@code since}, everything the feed still keeps.
     */
    public UpdateList list(Caller caller, String clientId, UpdatesQuery q) {
        Relation relation = relations.of(caller, clientId, "Client " + clientId).relation();
        ClientAccess.requireRead(relation, "Client " + clientId);

        Violations v = new Violations();
        Instant since = clock.instant().minus(FeedStore.KEPT);
        if (q.since() != null) {
            try {
                since = Instant.parse(q.since());
            } catch (DateTimeParseException e) {
                v.add("since", "must be a date-time in ISO-8601 form, e.g. 2026-11-23T09:00:00Z");
            }
        }
        int limit = PAGE_DEFAULT;
        if (q.limit() != null) {
            limit = parseLimit(q.limit());
            if (limit < 1) {
                v.add("limit", "must be a whole number from 1 to " + PAGE_MAX);
            }
        }
        if (q.cursor() != null && q.cursor().isBlank()) {
            v.add("cursor", "must not be empty");
        }
        v.throwIfAny();
        ItemPage<LiveMessage> page = feed.page(clientId, since, limit, q.cursor(), caller.sub());
        return new UpdateList(page.items(), page.nextCursor());
    }

    private static int parseLimit(String raw) {
        try {
            int n = Integer.parseInt(raw);
            return n >= 1 && n <= PAGE_MAX ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
