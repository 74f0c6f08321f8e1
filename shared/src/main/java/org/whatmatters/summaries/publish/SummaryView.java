package org.whatmatters.summaries.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;

/**
 * A summary as listed; files are fetched through a signed link. {@code compiledBy} (a schedule, or
 * the provider admin who asked) is shown to provider admins only.
 */
public record SummaryView(String summaryId, SummaryKind kind, String title, String contractId, String periodId,
                          String teamId, LocalDate from, LocalDate to, LocalDate dataThrough, boolean complete,
                          List<String> formats, Instant compiledAt, String compiledBy) {

    public static SummaryView of(SummaryEntry e, boolean admin) {
        return new SummaryView(e.summaryId(), e.kind(), e.title(), e.contractId(), e.periodId(), e.teamId(), e.from(),
                e.to(), e.dataThrough(), e.complete(), e.files().stream().map(SummaryFile::format).toList(),
                e.compiledAt(), admin ? e.compiledBy() : null);
    }
}
