package org.whatmatters.summaries;

import java.util.List;

/** The feedback figures of a survey period, overall or for one team; response rate in percent. */
public record FeedbackFigures(Figure<Long> invitations, Figure<Long> responses, Figure<Double> responseRate,
                              Figure<Nps> nps, List<RatingSummary> ratings) {

    public FeedbackFigures {
        ratings = List.copyOf(ratings);
    }
}
