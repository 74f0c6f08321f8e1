package org.whatmatters.feedback;

import java.util.List;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.Counters;
import org.whatmatters.domain.SurveyResponse;

/** What one response adds to its period's aggregates, overall and for the team of the client it is about. */
public final class FeedbackCounters {

    private FeedbackCounters() {
    }

    public static List<Counters> of(SurveyResponse r) {
        Counters.Builder b = Counters.on(AggregateKey.period(r.periodId()))
                .add(Counter.RESPONSES, 1)
                .add(npsGroup(r.recommend()), 1)
                .add(Counter.recommend(r.recommend()), 1);
        r.ratings().forEach((q, value) -> b
                .add(Counter.ratingSum(q), value)
                .add(Counter.ratingCount(q), 1)
                .add(Counter.rating(q, value), 1));
        Counters overall = b.build();
        return List.of(overall, overall.at(AggregateKey.periodTeam(r.periodId(), r.teamId())));
    }

    /** Promoters answer 9–10, passives 7–8, detractors 0–6. */
    public static String npsGroup(int recommend) {
        return recommend >= 9 ? Counter.PROMOTERS : recommend >= 7 ? Counter.PASSIVES : Counter.DETRACTORS;
    }
}
