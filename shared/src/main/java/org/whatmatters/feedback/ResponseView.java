package org.whatmatters.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyResponse;

/** A survey response as its respondent (or the team recording a client's answers) sees it. */
public record ResponseView(String periodId, RespondentType respondentType, String respondentId, String clientId,
                           Map<String, Integer> ratings, int recommend, String comment, Instant submittedAt) {

    static ResponseView of(SurveyResponse r) {
        return new ResponseView(r.periodId(), r.respondentType(), r.respondentId(), r.clientId(),
                new TreeMap<>(r.ratings()), r.recommend(), r.comment(), r.submittedAt());
    }
}
