package org.whatmatters.summaries;

import java.time.LocalDate;

/** One survey period's overall feedback, as a point of the trend. */
public record TrendPoint(String periodId, String label, LocalDate opensOn, LocalDate closesOn, FeedbackFigures overall) {
}
