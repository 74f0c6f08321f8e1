package org.whatmatters.functions.live;

import java.time.Instant;
import java.util.Map;
import org.whatmatters.access.Relation;
import org.whatmatters.config.Env;
import org.whatmatters.live.Connection;
import org.whatmatters.live.ConnectionStore;
import org.whatmatters.live.Watch;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestIssuer;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Fresh data and connections tables on DynamoDB Local, the test people, a fake @connections and an issuer. */
final class LiveTables implements AutoCloseable {

    final TestTable table = new TestTable();
    final String connectionsTable = TestCloud.freshTable("ConnectionsTable");
    final FakeConnections sockets = new FakeConnections();
    final TestIssuer issuer = new TestIssuer("live-key").serve();
    final ConnectionStore connections = new ConnectionStore(
            DynamoDbEnhancedClient.builder().dynamoDbClient(TestCloud.dynamo()).build(), TestCloud.dynamo(),
            connectionsTable);

    LiveTables() {
        People.seed(table.data());
    }

    Env env() {
        Map<String, String> env = table.envMap();
        env.put("CONNECTIONS_TABLE", connectionsTable);
        env.put("CONNECTIONS_URL", sockets.url());
        env.put("JWT_ISSUER", issuer.issuer());
        env.put("JWT_AUDIENCE", "web-app, " + TestIssuer.AUDIENCE);
        return Env.of(env);
    }

    /** A connection of {@code sub} watching one client, as $connect would have written it. */
    void watching(String connectionId, String sub, String group, String clientId, Relation relation) {
        Instant now = Instant.now();
        Instant end = now.plusSeconds(7200);
        connections.open(new Connection(connectionId, sub, java.util.List.of(group), "p-riverside", null, now, end),
                java.util.List.of(new Watch(connectionId, clientId, sub, relation, end)));
    }

    /** Every item of the connections table, in key order: compared before and after a refusal. */
    java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> connectionItems() {
        return TestCloud.dynamo().scanPaginator(r -> r.tableName(connectionsTable).consistentRead(true)).items().stream()
                .sorted(java.util.Comparator.comparing((java.util.Map<String,
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue> i) -> i.get("PK").s())
                        .thenComparing(i -> i.get("SK").s()))
                .toList();
    }

    @Override
    public void close() {
        sockets.close();
        issuer.close();
    }
}
