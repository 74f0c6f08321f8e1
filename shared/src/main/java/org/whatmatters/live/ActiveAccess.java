package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Which of a client's watchers may still see it, read strongly consistent in one batch per update:
 * a link revoked, or a worker removed from the team, a moment ago must already stop delivery.
 */
@Singleton
public final class ActiveAccess {

    private static final int BATCH = 100;

    private final DataTable data;

    @Inject
    public ActiveAccess(DataTable data) {
        this.data = data;
    }

    /** The family members among {@code familySubs} whose link to the client is active. */
    public Set<String> linked(String clientId, Set<String> familySubs) {
        return present(familySubs, sub -> key(Keys.client(clientId), Keys.family(sub)), "familySub, revokedAt",
                item -> item.get("revokedAt") == null || Boolean.TRUE.equals(item.get("revokedAt").nul())
                        ? item.get("familySub").s() : null);
    }

    /** The workers among {@code workerSubs} who are members of the team now. */
    public Set<String> members(String teamId, Set<String> workerSubs) {
        return present(workerSubs, sub -> key(Keys.team(teamId), Keys.member(sub)), "workerId",
                item -> item.get("workerId").s());
    }

    private Set<String> present(Set<String> subs, Function<String, Map<String, AttributeValue>> keyOf,
                                String projection, Function<Map<String, AttributeValue>, String> whoIfActive) {
        Set<String> active = new HashSet<>();
        List<String> all = List.copyOf(subs);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            all.subList(i, Math.min(i + BATCH, all.size())).forEach(sub -> keys.add(keyOf.apply(sub)));
            Map<String, KeysAndAttributes> pending = Map.of(data.name(), KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression(projection).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = data.client().batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(data.name(), List.of()).stream().map(whoIfActive)
                        .filter(Objects::nonNull).forEach(active::add);
                pending = response.unprocessedKeys();
            }
        }
        return active;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }
}
