package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The catalogue of compiled summaries: one item per summary, rewritten when it is compiled again. */
@Singleton
public final class SummaryStore {

    static final TableSchema<SummaryFile> FILE = ItemSchema.document(SummaryFile.class)
            .attr("format", String.class, SummaryFile::format)
            .attr("key", String.class, SummaryFile::key)
            .attr("contentType", String.class, SummaryFile::contentType)
            .attr("bytes", Long.class, SummaryFile::bytes)
            .attr("sha256", String.class, SummaryFile::sha256)
            .build(f -> new SummaryFile(f.string("format"), f.string("key"), f.string("contentType"), f.number("bytes"),
                    f.string("sha256")));

    static final TableSchema<SummaryEntry> SCHEMA = ItemSchema
            .item(SummaryEntry.class, "SummaryEntry", e -> Keys.summary(e.summaryId()), e -> "SUMMARY")
            .index(Keys.GSI1, e -> Keys.ALL_SUMMARIES, SummaryStore::byEnd)
            .index(Keys.GSI2, SummaryStore::owner, SummaryStore::byEnd)
            .attr("summaryId", String.class, SummaryEntry::summaryId)
            .attr("summaryKind", String.class, e -> e.kind().toString())
            .attr("title", String.class, SummaryEntry::title)
            .attr("contractId", String.class, SummaryEntry::contractId)
            .attr("commissionerId", String.class, SummaryEntry::commissionerId)
            .attr("teamId", String.class, SummaryEntry::teamId)
            .attr("periodId", String.class, SummaryEntry::periodId)
            .attr("from", LocalDate.class, SummaryEntry::from)
            .attr("to", LocalDate.class, SummaryEntry::to)
            .attr("dataThrough", LocalDate.class, SummaryEntry::dataThrough)
            .attr("complete", Boolean.class, SummaryEntry::complete)
            .attr("files", EnhancedType.listOf(EnhancedType.documentOf(SummaryFile.class, FILE)), SummaryEntry::files)
            .attr("compiledAt", Instant.class, SummaryEntry::compiledAt)
            .attr("compiledBy", String.class, SummaryEntry::compiledBy)
            .build(f -> new SummaryEntry(f.string("summaryId"), SummaryKind.fromJson(f.string("summaryKind")),
                    f.string("title"), f.string("contractId"), f.string("commissionerId"), f.string("teamId"),
                    f.string("periodId"), f.get("from"), f.get("to"), f.get("dataThrough"), f.<Boolean>get("complete"),
                    f.list("files"), f.get("compiledAt"), f.string("compiledBy")));

    private final DynamoDbTable<SummaryEntry> table;
    private final NewestFirst<SummaryEntry> all;
    private final NewestFirst<SummaryEntry> byOwner;

    @Inject
    public SummaryStore(DataTable data) {
        this.table = data.of(SCHEMA);
        this.all = new NewestFirst<>(SCHEMA, table.index(Keys.GSI1), Keys.GSI1);
        this.byOwner = new NewestFirst<>(SCHEMA, table.index(Keys.GSI2), Keys.GSI2);
    }

    /** Written after its files: an entry never names a file that is not there yet. */
    public void put(SummaryEntry entry) {
        table.putItem(entry);
    }

    public Optional<SummaryEntry> find(String summaryId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.summary(summaryId)).sortValue("SUMMARY").build())));
    }

    /** Every summary whose last day is between two days, newest first (provider admins). */
    public ItemPage<SummaryEntry> all(LocalDate from, LocalDate to, int limit, String cursor) {
        return all.page(Keys.ALL_SUMMARIES, from.toString(), to.toString(), limit, cursor);
    }

    /** One commissioner's summaries, newest first. */
    public ItemPage<SummaryEntry> ofCommissioner(String commissionerId, LocalDate from, LocalDate to, int limit,
                                                 String cursor) {
        return byOwner.page(Keys.commissionerSummaries(commissionerId), from.toString(), to.toString(), limit, cursor);
    }

    /** One team's dashboards, newest first. */
    public ItemPage<SummaryEntry> ofTeam(String teamId, LocalDate from, LocalDate to, int limit, String cursor) {
        return byOwner.page(Keys.teamDashboards(teamId), from.toString(), to.toString(), limit, cursor);
    }

    /** A commissioner's summaries, a team's dashboards; an EVV export belongs to no one but the admin (GSI1 only). */
    private static String owner(SummaryEntry e) {
        return switch (e.kind()) {
            case COMMISSIONER_SUMMARY -> Keys.commissionerSummaries(e.commissionerId());
            case TEAM_DASHBOARD -> Keys.teamDashboards(e.teamId());
            case EVV_EXPORT -> null;
        };
    }

    private static String byEnd(SummaryEntry e) {
        return e.to() + "#" + e.summaryId();
    }
}
