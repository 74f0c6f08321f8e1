package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyResponse;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Survey responses live under their period, keyed by respondent: the key itself allows one each. */
@Singleton
public final class SurveyResponseStore {

    static final TableSchema<SurveyResponse> SCHEMA = ItemSchema
            .item(SurveyResponse.class, "SurveyResponse", r -> Keys.period(r.periodId()),
                    r -> Keys.response(r.respondentType().toString(), r.respondentId()))
            .attr("periodId", String.class, SurveyResponse::periodId)
            .attr("respondentType", String.class, r -> r.respondentType().toString())
            .attr("respondentId", String.class, SurveyResponse::respondentId)
            .attr("clientId", String.class, SurveyResponse::clientId)
            .attr("teamId", String.class, SurveyResponse::teamId)
            .attr("ratings", EnhancedType.mapOf(String.class, Integer.class), SurveyResponse::ratings)
            .attr("recommend", Integer.class, SurveyResponse::recommend)
            .attr("comment", String.class, SurveyResponse::comment)
            .attr("submittedBy", String.class, SurveyResponse::submittedBy)
            .attr("submittedAt", Instant.class, SurveyResponse::submittedAt)
            .build(f -> new SurveyResponse(f.string("periodId"), RespondentType.fromJson(f.string("respondentType")),
                    f.string("respondentId"), f.string("clientId"), f.string("teamId"), f.get("ratings"),
                    f.<Integer>get("recommend"), f.string("comment"), f.string("submittedBy"), f.get("submittedAt")));

    private final DataTable data;
    private final DynamoDbTable<SurveyResponse> table;

    @Inject
    public SurveyResponseStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
    }

    /**
     * Records the response with its aggregate counters; false (nothing written, nothing counted) when
     * the respondent has already answered in the period.
     */
    public boolean create(SurveyResponse response, List<Counters> counters) {
        Transaction tx = Transaction.on(data).create(SCHEMA, response);
        counters.forEach(tx::add);
        try {
            tx.commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            if (e.index() == 0) {
                return false;
            }
            throw e;
        }
    }

    public Optional<SurveyResponse> find(String periodId, RespondentType type, String respondentId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.period(periodId)).sortValue(Keys.response(type.toString(), respondentId))
                .build())));
    }

    /** Every response of a period, for compiling and for checking the aggregates against. */
    public List<SurveyResponse> ofPeriod(String periodId) {
        Key prefix = Key.builder().partitionValue(Keys.period(periodId)).sortValue(Keys.RESPONSES).build();
        return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true))
                .stream().flatMap(p -> p.items().stream()).toList();
    }
}
