package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.whatmatters.domain.Client;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@Singleton
public final class ClientStore {

    static final TableSchema<Client> SCHEMA = ItemSchema
            .item(Client.class, "Client", c -> Keys.client(c.clientId()), c -> "CLIENT")
            .index(Keys.GSI1, c -> Keys.teamClients(c.teamId()), c -> Keys.client(c.clientId()))
            .attr("clientId", String.class, Client::clientId)
            .attr("teamId", String.class, Client::teamId)
            .attr("displayName", String.class, Client::displayName)
            .attr("plannedHoursPerWeek", Double.class, Client::plannedHoursPerWeek)
            .attr("createdAt", Instant.class, Client::createdAt)
            .build(f -> new Client(f.string("clientId"), f.string("teamId"), f.string("displayName"),
                    f.decimal("plannedHoursPerWeek"), f.get("createdAt")));

    private final DataTable data;
    private final DynamoDbTable<Client> table;

    @Inject
    public ClientStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
    }

    /** The addresses the client's visits were planned at (kept as each visit is planned). */
    public List<String> addresses(String clientId) {
        Map<String, AttributeValue> item = data.client().getItem(g -> g.tableName(data.name()).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.client(clientId)), Keys.SK, AttributeValue.fromS(Keys.ADDRESSES)))
                .projectionExpression("addresses")).item();
        return item == null || !item.containsKey("addresses") ? List.of() : item.get("addresses").ss().stream().sorted().toList();
    }

    public Optional<Client> find(String clientId) {
        return Optional.ofNullable(table.getItem(Key.builder()
                .partitionValue(Keys.client(clientId)).sortValue("CLIENT").build()));
    }

    public void put(Client client) {
        table.putItem(client);
    }

    /** A team's clients (tens at most: a team supports about forty people). */
    public List<Client> ofTeam(String teamId) {
        return table.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                k -> k.partitionValue(Keys.teamClients(teamId))))).stream().flatMap(p -> p.items().stream()).toList();
    }
}
