package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.access.Relation;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.ListQuery;
import org.whatmatters.domain.Client;
import org.whatmatters.problem.Violations;

/** What a family missed while offline: the client's feed of live updates, for whoever may read the client. */
@Singleton
public final class UpdateFeed {

    static final int PAGE_DEFAULT = 50;

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
    public UpdateList list(Caller caller, String clientId, ListQuery q) {
        Relation relation = relations.of(caller, clientId, "Client " + clientId).relation();
        ClientAccess.requireRead(relation, "Client " + clientId);

        Violations v = new Violations();
        Instant since = q.since(v, "since", clock.instant().minus(FeedStore.KEPT));
        int limit = q.size(v, PAGE_DEFAULT);
        v.throwIfAny();
        ItemPage<LiveMessage> page = feed.page(clientId, since, limit, q.cursor(), caller.sub());
        return new UpdateList(page.items(), page.nextCursor());
    }
}
