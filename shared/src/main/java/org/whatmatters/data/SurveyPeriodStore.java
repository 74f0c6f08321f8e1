package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public final class SurveyPeriodStore {

    static final TableSchema<SurveyQuestion> QUESTION = ItemSchema.document(SurveyQuestion.class)
            .attr("questionId", String.class, SurveyQuestion::questionId)
            .attr("text", String.class, SurveyQuestion::text)
            .build(f -> new SurveyQuestion(f.string("questionId"), f.string("text")));

    static final TableSchema<SurveyPeriod> SCHEMA = ItemSchema
            .item(SurveyPeriod.class, "SurveyPeriod", p -> Keys.period(p.periodId()), p -> "PERIOD")
            .index(Keys.GSI1, p -> Keys.contractPeriods(p.contractId()), SurveyPeriodStore::byOpening)
            .attr("periodId", String.class, SurveyPeriod::periodId)
            .attr("contractId", String.class, SurveyPeriod::contractId)
            .attr("label", String.class, SurveyPeriod::label)
            .attr("opensOn", LocalDate.class, SurveyPeriod::opensOn)
            .attr("closesOn", LocalDate.class, SurveyPeriod::closesOn)
            .attr("questions", EnhancedType.listOf(EnhancedType.documentOf(SurveyQuestion.class, QUESTION)),
                    SurveyPeriod::questions)
            .attr("createdBy", String.class, SurveyPeriod::createdBy)
            .attr("createdAt", Instant.class, SurveyPeriod::createdAt)
            .build(f -> new SurveyPeriod(f.string("periodId"), f.string("contractId"), f.string("label"),
                    f.get("opensOn"), f.get("closesOn"), f.list("questions"), f.string("createdBy"),
                    f.get("createdAt")));

    private final DataTable data;
    private final DynamoDbTable<SurveyPeriod> table;
    private final DynamoDbIndex<SurveyPeriod> byContract;

    @Inject
    public SurveyPeriodStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.byContract = table.index(Keys.GSI1);
    }

    public Optional<SurveyPeriod> find(String periodId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.period(periodId)).sortValue("PERIOD").build())));
    }

    /** A contract's periods, earliest first. */
    public List<SurveyPeriod> ofContract(String contractId) {
        return byContract.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                        k -> k.partitionValue(Keys.contractPeriods(contractId)))))
                .stream().flatMap(p -> p.items().stream()).toList();
    }

    /**
     * The contract's period open on {@code day}, if any. Periods do not overlap, so only the latest
     * one to open on or before the day can be open: one query of one item.
     */
    public Optional<SurveyPeriod> openOn(String contractId, LocalDate day) {
        // '$' sorts just after '#', so this bound takes in every period opening on the day itself.
        Key bound = Key.builder().partitionValue(Keys.contractPeriods(contractId)).sortValue(day + "$").build();
        return byContract.query(r -> r.queryConditional(QueryConditional.sortLessThan(bound))
                        .scanIndexForward(false).limit(1))
                .stream().limit(1).flatMap(p -> p.items().stream())
                .filter(p -> p.isOpen(day)).findFirst();
    }

    /**
     * Writes a period if the contract is still at the version read when its periods were checked for
     * overlap; false when another period was added meanwhile.
     */
    public boolean create(SurveyPeriod period, Contract read) {
        try {
            Transaction.on(data).create(SCHEMA, period)
                    .put(ContractStore.CONTRACT, read.nextVersion(), Expression.builder()
                            .expression("#v = :v").putExpressionName("#v", "version")
                            .putExpressionValue(":v", AttributeValue.fromN(Long.toString(read.version()))).build())
                    .commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    private static String byOpening(SurveyPeriod p) {
        return p.opensOn() + "#" + p.periodId();
    }
}
