package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The catalogue entry of a compiled summary: what it covers, where its files are and when it was
 * last compiled. A commissioner summary names its contract, commissioner and survey period; a team
 * dashboard its team and month ({@code from}–{@code to}). {@code dataThrough} is the last day counted.
 */
public record SummaryEntry(String summaryId, SummaryKind kind, String title, String contractId, String commissionerId,
                           String teamId, String periodId, LocalDate from, LocalDate to, LocalDate dataThrough,
                           boolean complete, List<SummaryFile> files, Instant compiledAt, String compiledBy) {

    public SummaryEntry {
        files = List.copyOf(files);
    }

    public SummaryFile file(String format) {
        return files.stream().filter(f -> f.format().equals(format)).findFirst().orElse(null);
    }
}
