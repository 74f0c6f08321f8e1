package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A window in which a contract's families and clients are asked for feedback, with the questions
 * asked. Both dates are inclusive, in the provider's time zone; a contract's periods never overlap.
 */
public record SurveyPeriod(String periodId, String contractId, String label, LocalDate opensOn, LocalDate closesOn,
                           List<SurveyQuestion> questions, String createdBy, Instant createdAt) {

    public static final List<SurveyQuestion> DEFAULT_QUESTIONS = List.of(
            new SurveyQuestion("positive-impact", "Positive impact on life"),
            new SurveyQuestion("reliability", "Reliability"),
            new SurveyQuestion("creativity", "Creativity in enabling good days"));

    public SurveyPeriod {
        questions = List.copyOf(questions);
    }

    public boolean isOpen(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(closesOn) && !to.isBefore(opensOn);
    }

    public boolean asks(String questionId) {
        return questions.stream().anyMatch(q -> q.questionId().equals(questionId));
    }
}
