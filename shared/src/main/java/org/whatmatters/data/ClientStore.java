package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.ClientAddress;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
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

    /** One item per address (not a set on one item, which could outgrow DynamoDB's 400 KB). */
    static final TableSchema<ClientAddress> ADDRESS = ItemSchema
            .item(ClientAddress.class, "ClientAddress", a -> Keys.client(a.clientId()), a -> Keys.clientAddress(a.address()))
            .attr("clientId", String.class, ClientAddress::clientId)
            .attr("address", String.class, ClientAddress::address)
            .build(f -> new ClientAddress(f.string("clientId"), f.string("address")));

    private final DynamoDbTable<Client> table;
    private final DynamoDbTable<ClientAddress> addresses;

    @Inject
    public ClientStore(DataTable data) {
        this.table = data.of(SCHEMA);
        this.addresses = data.of(ADDRESS);
    }

    /** The addresses the client's visits were planned at (kept as each visit is planned). */
    public List<String> addresses(String clientId) {
        return addresses.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.client(clientId)).sortValue(Keys.ADDRESS_PREFIX).build())))
                .items().stream().map(ClientAddress::address).sorted().toList();
    }

    public void putAddress(ClientAddress address) {
        addresses.putItem(address);
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
