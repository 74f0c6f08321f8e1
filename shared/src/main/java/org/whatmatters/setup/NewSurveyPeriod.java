package org.whatmatters.setup;

import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.SurveyQuestion;

/**
 * The body of {@code POST /contracts/{contractId}/survey-periods}; both dates inclusive. Without
 * {@code questions}, the three standard ones are asked.
 */
public record NewSurveyPeriod(String label, LocalDate opensOn, LocalDate closesOn, List<SurveyQuestion> questions) {
}
