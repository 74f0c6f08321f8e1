package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Which of a client's family watchers still have an active link, read strongly consistent in one
 * batch per update: a link revoked a moment ago must already stop delivery.
 */
@Singleton
public final class ActiveLinks {

    private static final int BATCH = 100;

    private final DataTable data;

    @Inject
    public ActiveLinks(DataTable data) {
        this.data = data;
    }

    public Set<String> of(String clientId, Set<String> familySubs) {
        Set<String> active = new HashSet<>();
        List<String> subs = List.copyOf(familySubs);
        for (int i = 0; i < subs.size(); i += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            subs.subList(i, Math.min(i + BATCH, subs.size())).forEach(sub -> keys.add(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.client(clientId)), Keys.SK, AttributeValue.fromS(Keys.family(sub)))));
            Map<String, KeysAndAttributes> pending = Map.of(data.name(), KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression("familySub, revokedAt").build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = data.client().batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(data.name(), List.of()).stream()
                        .filter(item -> item.get("revokedAt") == null || Boolean.TRUE.equals(item.get("revokedAt").nul()))
                        .forEach(item -> active.add(item.get("familySub").s()));
                pending = response.unprocessedKeys();
            }
        }
        return active;
    }
}
