package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.whatmatters.access.Relation;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.Keys;
import org.whatmatters.ops.Log;
import org.whatmatters.ops.Metric;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns data-table changes into live updates: each is kept in the client's feed first, then posted
 * to every connection watching the client that may still see it. Clients are handled in parallel,
 * each client's changes in stream order. A change that could not reach everyone is retried, and
 * the client's later changes with it (Lambda retries from the earliest failure anyway). Before such
 * a batch returns, the updates it did deliver are marked so in the feed, and on the retry the
 * connections already told are skipped: a retry tells nobody twice. A batch without failures
 * writes no marks (one write per update saved on the common path).
 */
@Singleton
public final class FanOut {

    private static final Set<String> KINDS = Set.of("Visit", "OutcomeStory", "Invitation", "FamilyLink");

    private final ChangeReader reader;
    private final FeedStore feed;
    private final ConnectionStore connections;
    private final ActiveAccess access;
    private final ClientStore clients;
    private final Poster poster;
    private final Clock clock;

    @Inject
    public FanOut(ChangeReader reader, FeedStore feed, ConnectionStore connections, ActiveAccess access,
                  ClientStore clients, Poster poster, Clock clock) {
        this.reader = reader;
        this.feed = feed;
        this.connections = connections;
        this.access = access;
        this.clients = clients;
        this.poster = poster;
        this.clock = clock;
    }

    /** What one client's changes came to: the changes to retry, and the updates delivered. */
    private record Handled(List<String> retry, List<Effect.Publish> delivered) {
    }

    /** The sequence numbers of the changes to retry, in stream order; empty when all were handled. */
    public List<String> handle(List<Change> changes) {
        Map<String, List<Change>> byClient = new LinkedHashMap<>();
        for (Change c : changes) {
            AttributeValue kind = c.newImage().get(Keys.KIND);
            AttributeValue client = c.newImage().get("clientId");
            if (kind != null && KINDS.contains(kind.s()) && client != null && client.s() != null) {
                byClient.computeIfAbsent(client.s(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Handled> handled = new ArrayList<>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Handled>> running = byClient.values().stream()
                    .map(group -> clients.submit(() -> inOrder(group))).toList();
            running.forEach(f -> handled.add(join(f)));
        }
        Set<String> retry = handled.stream().flatMap(h -> h.retry().stream()).collect(Collectors.toSet());
        if (!retry.isEmpty()) {
            Instant now = clock.instant();
            handled.stream().flatMap(h -> h.delivered().stream()).forEach(p -> markDelivered(p, now));
        }
        return changes.stream().map(Change::sequenceNumber).filter(retry::contains).toList();
    }

    private Handled inOrder(List<Change> group) {
        List<Effect.Publish> delivered = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Change c = group.get(i);
            boolean done;
            try {
                done = handle(c, delivered);
            } catch (SdkException e) {
                Log.warn("will be retried: " + e, "record", c.sequenceNumber());
                done = false;
            } catch (RuntimeException e) {
                // A record that cannot be read will not read better on a retry: it must not block the shard.
                Log.error("skipped, unreadable: " + e, "record", c.sequenceNumber());
                done = true;
            }
            if (!done) {
                return new Handled(group.subList(i, group.size()).stream().map(Change::sequenceNumber).toList(),
                        delivered);
            }
        }
        return new Handled(List.of(), delivered);
    }

    private boolean handle(Change c, List<Effect.Publish> delivered) {
        Optional<Effect> effect = reader.read(c);
        if (effect.isEmpty()) {
            return true;
        }
        return switch (effect.get()) {
            case Effect.Publish p -> deliver(p, delivered);
            case Effect.LinkRevoked r -> {
                connections.watchers(r.clientId(), clock.instant()).stream()
                        .filter(w -> w.relation() == Relation.LINKED_FAMILY && w.sub().equals(r.familySub()))
                        .forEach(connections::unwatch);
                yield true;
            }
        };
    }

    private boolean deliver(Effect.Publish update, List<Effect.Publish> delivered) {
        Instant now = clock.instant();
        FeedStore.Delivery before;
        List<Watch> audience;
        // The feed entry and who may be told are independent reads and writes: done side by side.
        try (var io = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<Watch>> watching = io.submit(() -> allowed(update.clientId(),
                    connections.watchers(update.clientId(), now).stream()
                            .filter(w -> update.audienceSub() == null || update.audienceSub().equals(w.sub()))
                            .toList()));
            before = feed.append(update, now);
            audience = join(watching);
        }
        if (before.done()) {
            return true;
        }
        List<Watch> targets = audience.stream().filter(w -> !before.deliveredTo().contains(w.connectionId())).toList();
        if (targets.isEmpty()) {
            return true;
        }
        Map<String, Poster.Outcome> outcomes = postAll(targets, update.message().json());
        outcomes.values().forEach(o -> (switch (o) {
            case SENT -> Metric.PUSHES_SENT;
            case GONE -> Metric.PUSHES_GONE;
            case FAILED -> Metric.PUSHES_FAILED;
        }).add());
        Set<String> reached = outcomes.entrySet().stream().filter(e -> e.getValue() != Poster.Outcome.FAILED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        if (reached.size() == outcomes.size()) {
            delivered.add(update);
            return true;
        }
        feed.deliveredTo(update, reached);
        Log.warn((outcomes.size() - reached.size()) + " of " + outcomes.size() + " connections failed; will be retried",
                "update", update.message().id());
        return false;
    }

    private void markDelivered(Effect.Publish update, Instant now) {
        try {
            feed.delivered(update, now);
        } catch (SdkException e) {
            Log.warn("not marked delivered; a retry may tell it again: " + e, "update", update.message().id());
        }
    }

    /**
     * Every watch is checked again before each delivery, whatever the role: a family member's link must
     * still be active, a worker must still be in the client's team (its team now), a provider admin's
     * token not expired (as every watch's: {@link ConnectionStore#watchers} leaves expired ones out).
     * A watch that no longer holds stops here, and is told nothing.
     */
    private List<Watch> allowed(String clientId, List<Watch> watchers) {
        Set<String> family = subs(watchers, Relation.LINKED_FAMILY);
        Set<String> workers = subs(watchers, Relation.TEAM_WORKER);
        Set<String> linked = family.isEmpty() ? Set.of() : access.linked(clientId, family);
        Set<String> members = workers.isEmpty() ? Set.of() : clients.find(clientId)
                .map(c -> access.members(c.teamId(), workers)).orElse(Set.of());
        List<Watch> allowed = new ArrayList<>();
        for (Watch w : watchers) {
            boolean holds = switch (w.relation()) {
                case LINKED_FAMILY -> linked.contains(w.sub());
                case TEAM_WORKER -> members.contains(w.sub());
                case PROVIDER_ADMIN -> true;
                case NONE -> false;
            };
            if (holds) {
                allowed.add(w);
            } else {
                connections.unwatch(w);
            }
        }
        return allowed;
    }

    private static Set<String> subs(List<Watch> watchers, Relation relation) {
        return watchers.stream().filter(w -> w.relation() == relation).map(Watch::sub).collect(Collectors.toSet());
    }

    private Map<String, Poster.Outcome> postAll(List<Watch> targets, String message) {
        Map<String, Poster.Outcome> outcomes = new LinkedHashMap<>();
        try (var posts = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Poster.Outcome>> sent = new LinkedHashMap<>();
            targets.forEach(w -> sent.put(w.connectionId(), posts.submit(() -> post(w.connectionId(), message))));
            sent.forEach((connectionId, post) -> {
                try {
                    outcomes.put(connectionId, join(post));
                } catch (RuntimeException e) {
                    Log.warn("post failed: " + e, "connectionId", connectionId);
                    outcomes.put(connectionId, Poster.Outcome.FAILED);
                }
            });
        }
        return outcomes;
    }

    private Poster.Outcome post(String connectionId, String message) {
        Poster.Outcome outcome = poster.post(connectionId, message);
        if (outcome == Poster.Outcome.GONE) {
            connections.forget(connectionId);
        }
        return outcome;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
