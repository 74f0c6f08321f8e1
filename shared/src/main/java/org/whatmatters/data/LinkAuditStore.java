package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.whatmatters.domain.LinkIssued;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The audit trail of signed download links: written before a link is handed out, never changed. */
@Singleton
public final class LinkAuditStore {

    static final TableSchema<LinkIssued> SCHEMA = ItemSchema
            .item(LinkIssued.class, "LinkIssued", l -> Keys.link(l.linkId()), l -> "LINK")
            .index(Keys.GSI1, l -> Keys.summaryLinks(l.summaryId()), l -> Keys.feedEntry(l.issuedAt(), l.linkId()))
            .index(Keys.GSI2, l -> Keys.LINK_AUDIT, l -> Keys.feedEntry(l.issuedAt(), l.linkId()))
            .attr("linkId", String.class, LinkIssued::linkId)
            .attr("summaryId", String.class, LinkIssued::summaryId)
            .attr("format", String.class, LinkIssued::format)
            .attr("issuedTo", String.class, LinkIssued::issuedTo)
            .attr("role", String.class, LinkIssued::role)
            .attr("organisation", String.class, LinkIssued::organisation)
            .attr("issuedAt", Instant.class, LinkIssued::issuedAt)
            .attr("expiresAt", Instant.class, LinkIssued::expiresAt)
            .build(f -> new LinkIssued(f.string("linkId"), f.string("summaryId"), f.string("format"),
                    f.string("issuedTo"), f.string("role"), f.string("organisation"), f.get("issuedAt"),
                    f.get("expiresAt")));

    private final DynamoDbTable<LinkIssued> table;
    private final NewestFirst<LinkIssued> bySummary;
    private final NewestFirst<LinkIssued> all;
    private final DataTable data;

    @Inject
    public LinkAuditStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.bySummary = new NewestFirst<>(SCHEMA, table.index(Keys.GSI1), Keys.GSI1);
        this.all = new NewestFirst<>(SCHEMA, table.index(Keys.GSI2), Keys.GSI2);
    }

    public void record(LinkIssued link) {
        Transaction.on(data).create(SCHEMA, link).commit();
    }

    /** Links issued between two instants (inclusive), newest first; of one summary when it is given. */
    public ItemPage<LinkIssued> page(String summaryId, Instant from, Instant to, int limit, String cursor) {
        String low = Keys.millis(from);
        String high = Keys.millis(to);
        return summaryId == null ? all.page(Keys.LINK_AUDIT, low, high, limit, cursor)
                : bySummary.page(Keys.summaryLinks(summaryId), low, high, limit, cursor);
    }
}
