package org.whatmatters.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One respondent's answers in one survey period: ratings 1–6 per question, 0–10 "how likely to
 * recommend" and a comment. {@code teamId} is the team of the client it is about, the team it counts for.
 */
public record SurveyResponse(String periodId, RespondentType respondentType, String respondentId, String clientId,
                             String teamId, Map<String, Integer> ratings, int recommend, String comment,
                             String submittedBy, Instant submittedAt) {

    public SurveyResponse {
        ratings = Map.copyOf(ratings);
    }

    /** The same answers, as a retry of this submission would carry them. */
    public boolean sameAnswers(SurveyResponse other) {
        return clientId.equals(other.clientId) && ratings.equals(other.ratings) && recommend == other.recommend
                && Objects.equals(comment, other.comment);
    }
}
