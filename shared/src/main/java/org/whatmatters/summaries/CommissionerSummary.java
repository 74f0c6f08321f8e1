package org.whatmatters.summaries;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A contract's summary for one survey period, as published to its commissioner (JSON schema
 * {@code commissioner-summary}, version {@value #SCHEMA_VERSION}, documented in
 * docs/schemas/commissioner-summary.v1.schema.json). Every figure has been through disclosure
 * control; nothing in it names or identifies a person. {@code trend} is oldest first and ends with
 * this period. {@code dataThrough} is the last day counted: the period's last day once it is
 * {@code complete}.
 */
public record CommissionerSummary(String kind, int schemaVersion, String summaryId, String title, String contractId,
                                  String commissionerName, String periodId, String periodLabel, LocalDate opensOn,
                                  LocalDate closesOn, LocalDate dataThrough, boolean complete, int npsBenchmark,
                                  PeriodSummary feedback, List<TrendPoint> trend, Impact impact, List<Label> teams,
                                  List<Label> questions) {

    public static final String KIND = "commissioner-summary";
    public static final int SCHEMA_VERSION = 1;

    public CommissionerSummary {
        if (!KIND.equals(kind) || schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("not a " + KIND + " v" + SCHEMA_VERSION);
        }
        Objects.requireNonNull(feedback);
        Objects.requireNonNull(impact);
        trend = List.copyOf(trend);
        if (trend.isEmpty() || !trend.getLast().periodId().equals(periodId)) {
            throw new IllegalArgumentException("the trend ends with the period reported");
        }
        teams = List.copyOf(teams);
        questions = List.copyOf(questions);
    }

    public String team(String id) {
        return teams.stream().filter(l -> l.id().equals(id)).map(Label::name).findFirst().orElse(id);
    }

    public String question(String id) {
        return questions.stream().filter(l -> l.id().equals(id)).map(Label::name).findFirst().orElse(id);
    }
}
