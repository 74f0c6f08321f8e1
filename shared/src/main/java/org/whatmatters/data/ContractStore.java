package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.whatmatters.domain.Contract;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@Singleton
public final class ContractStore {

    static final TableSchema<Contract> CONTRACT = contractAttributes(ItemSchema
            .item(Contract.class, "Contract", c -> Keys.contract(c.contractId()), c -> "CONTRACT")
            .index(Keys.GSI1, c -> "CONTRACTS", c -> Keys.commissionerContract(c.commissionerId(), c.contractId())),
            Function.identity())
            .attr("version", Long.class, Contract::version)
            .build(f -> contract(f, f.number("version")));

    /**
     * A copy of a contract under each team it covers, so "contracts covering team T" is one query.
     * Contracts do not change after creation, except their version, which the copies do not keep.
     */
    record Cover(String teamId, Contract contract) {
    }

    static final TableSchema<Cover> COVER = contractAttributes(ItemSchema
            .item(Cover.class, "ContractTeam", c -> Keys.contract(c.contract().contractId()), c -> Keys.team(c.teamId()))
            .index(Keys.GSI1, c -> Keys.teamContracts(c.teamId()), c -> Keys.contract(c.contract().contractId())),
            Cover::contract)
            .attr("teamId", String.class, Cover::teamId)
            .build(f -> new Cover(f.string("teamId"), contract(f, 0)));

    private final DataTable data;
    private final DynamoDbTable<Contract> contracts;
    private final DynamoDbIndex<Contract> listed;
    private final DynamoDbIndex<Cover> covers;

    @Inject
    public ContractStore(DataTable data) {
        this.data = data;
        this.contracts = data.of(CONTRACT);
        this.listed = contracts.index(Keys.GSI1);
        this.covers = data.of(COVER).index(Keys.GSI1);
    }

    /** The contract and its team copies, all or nothing. */
    public void create(Contract contract) {
        Transaction tx = Transaction.on(data).create(CONTRACT, contract);
        contract.teamIds().forEach(t -> tx.create(COVER, new Cover(t, contract)));
        tx.commit();
    }

    public Optional<Contract> find(String contractId) {
        return Optional.ofNullable(contracts.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.contract(contractId)).sortValue("CONTRACT").build())));
    }

    /** Every contract of the provider (tens, not thousands). */
    public List<Contract> all() {
        return listed.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue("CONTRACTS"))))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    public List<Contract> ofCommissioner(String commissionerId) {
        Key prefix = Key.builder().partitionValue("CONTRACTS")
                .sortValue(Keys.commissionerContract(commissionerId, "")).build();
        return listed.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)))
                .stream().flatMap(p -> p.items().stream())
                .filter(c -> c.commissionerId().equals(commissionerId)).toList();
    }

    /** The contracts in force for a team on a day (their {@code version} is not kept up to date). */
    public List<Contract> coveringTeam(String teamId, LocalDate on) {
        return ofTeam(teamId).stream().filter(c -> c.inForce(on)).toList();
    }

    /** Every contract that names the team, in force or not. */
    public List<Contract> ofTeam(String teamId) {
        return covers.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                        k -> k.partitionValue(Keys.teamContracts(teamId)))))
                .stream().flatMap(p -> p.items().stream())
                .map(Cover::contract).toList();
    }

    private static <T> ItemSchema<T> contractAttributes(ItemSchema<T> s, Function<T, Contract> c) {
        return s.attr("contractId", String.class, t -> c.apply(t).contractId())
                .attr("commissionerId", String.class, t -> c.apply(t).commissionerId())
                .attr("commissionerName", String.class, t -> c.apply(t).commissionerName())
                .attr("teamIds", EnhancedType.listOf(String.class), t -> c.apply(t).teamIds())
                .attr("startsOn", LocalDate.class, t -> c.apply(t).startsOn())
                .attr("endsOn", LocalDate.class, t -> c.apply(t).endsOn())
                .attr("createdBy", String.class, t -> c.apply(t).createdBy())
                .attr("createdAt", Instant.class, t -> c.apply(t).createdAt());
    }

    private static Contract contract(Fields f, long version) {
        return new Contract(f.string("contractId"), f.string("commissionerId"), f.string("commissionerName"),
                f.list("teamIds"), f.get("startsOn"), f.get("endsOn"), f.string("createdBy"), f.get("createdAt"),
                version);
    }
}
