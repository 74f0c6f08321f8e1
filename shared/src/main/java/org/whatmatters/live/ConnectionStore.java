package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.whatmatters.access.Relation;
import org.whatmatters.data.ItemSchema;
import org.whatmatters.data.Keys;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The connections table: a connection (PK CONN#id, SK CONN; GSI1 SUB#sub by when it opened, GSI2 CLOSING by
 * when its token expires, {@code closesAt}) and the clients it watches (SK WATCH#client, GSI1 WATCHERS#client).
 * A watch expires (TTL) with the token; the connection item an hour later, so that the sweep, not the TTL,
 * finds it and closes the socket.
 */
@Singleton
public final class ConnectionStore {

    /** How long a connection's item outlives its closing time before the table's TTL may remove it. */
    static final Duration KEPT_AFTER_CLOSING = Duration.ofHours(1);

    static final TableSchema<Connection> CONNECTION = ItemSchema
            .item(Connection.class, "Connection", c -> Keys.connection(c.connectionId()), c -> "CONN")
            .index(Keys.GSI1, c -> Keys.subConnections(c.sub()), c -> Keys.millis(c.connectedAt()) + "#" + c.connectionId())
            .index(Keys.GSI2, c -> Keys.CLOSING, c -> Keys.time(c.expiresAt()) + "#" + c.connectionId())
            .attr("connectionId", String.class, Connection::connectionId)
            .attr("sub", String.class, Connection::sub)
            .attr("groups", EnhancedType.listOf(String.class), Connection::groups)
            .attr("providerId", String.class, Connection::providerId)
            .attr("teamId", String.class, Connection::teamId)
            .attr("connectedAt", Instant.class, Connection::connectedAt)
            .attr("closesAt", Instant.class, Connection::expiresAt)
            // The TTL only collects what was never closed: it must not take the item before the sweep closes it.
            .attr("expiresAt", Long.class, c -> c.expiresAt().plus(KEPT_AFTER_CLOSING).getEpochSecond())
            .build(f -> new Connection(f.string("connectionId"), f.string("sub"), f.list("groups"),
                    f.string("providerId"), f.string("teamId"), f.get("connectedAt"), f.get("closesAt")));

    static final TableSchema<Watch> WATCH = ItemSchema
            .item(Watch.class, "Watch", w -> Keys.connection(w.connectionId()), w -> Keys.watch(w.clientId()))
            .index(Keys.GSI1, w -> Keys.watchers(w.clientId()), w -> Keys.connection(w.connectionId()))
            .attr("connectionId", String.class, Watch::connectionId)
            .attr("clientId", String.class, Watch::clientId)
            .attr("sub", String.class, Watch::sub)
            .attr("relation", String.class, w -> w.relation().name())
            .attr("expiresAt", Long.class, w -> w.expiresAt().getEpochSecond())
            .build(f -> new Watch(f.string("connectionId"), f.string("clientId"), f.string("sub"),
                    Relation.valueOf(f.string("relation")), Instant.ofEpochSecond(f.number("expiresAt"))));

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient client;
    private final String name;
    private final DynamoDbTable<Connection> connections;
    private final DynamoDbTable<Watch> watches;

    @Inject
    public ConnectionStore(DynamoDbEnhancedClient enhanced, DynamoDbClient client,
                           @Named("CONNECTIONS_TABLE") String name) {
        this.enhanced = enhanced;
        this.client = client;
        this.name = name;
        this.connections = enhanced.table(name, CONNECTION);
        this.watches = enhanced.table(name, WATCH);
    }

    /** The connection and what it watches from the start, together. */
    public void open(Connection connection, List<Watch> watching) {
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(connections, connection);
        watching.forEach(w -> tx.addPutItem(watches, w));
        enhanced.transactWriteItems(tx.build());
    }

    public Optional<Connection> find(String connectionId) {
        return Optional.ofNullable(connections.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.connection(connectionId)).sortValue("CONN").build())));
    }

    /** A person's connections, oldest first (GSI1: may lag a moment behind a connect or disconnect). */
    public List<Connection> ofPerson(String sub) {
        return connections.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                        k -> k.partitionValue(Keys.subConnections(sub)))))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    /** Connections whose token has expired by {@code now} (GSI2), oldest expiry first. */
    public List<Connection> expiredBy(Instant now) {
        Key upTo = Key.builder().partitionValue(Keys.CLOSING).sortValue(Keys.time(now) + "#\uffff").build();
        return connections.index(Keys.GSI2).query(r -> r.queryConditional(QueryConditional.sortLessThanOrEqualTo(upTo)))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    public void watch(List<Watch> watching) {
        watching.forEach(watches::putItem);
    }

    /** Who watches the client now: connections past their 2 hours are left out before TTL removes them. */
    public List<Watch> watchers(String clientId, Instant now) {
        return watches.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                        k -> k.partitionValue(Keys.watchers(clientId)))))
                .stream().flatMap(p -> p.items().stream())
                .filter(w -> w.expiresAt().isAfter(now))
                .toList();
    }

    public void unwatch(Watch w) {
        watches.deleteItem(Key.builder().partitionValue(Keys.connection(w.connectionId()))
                .sortValue(Keys.watch(w.clientId())).build());
    }

    /** Removes the connection and everything it watched ($disconnect, or a 410 from @connections). */
    public void forget(String connectionId) {
        List<WriteRequest> deletes = new ArrayList<>();
        client.queryPaginator(q -> q.tableName(name).consistentRead(true)
                        .keyConditionExpression("PK = :pk").projectionExpression("PK, SK")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.connection(connectionId)))))
                .items().forEach(key -> deletes.add(WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key).build()).build()));
        for (int i = 0; i < deletes.size(); i += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(name, deletes.subList(i, Math.min(i + 25, deletes.size())));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }
}
