package org.whatmatters.summaries.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.SampleCounters;

/** Period summaries compiled from counters as the feedback writers keep them. */
final class Samples {

    static final String Q = SampleCounters.Q;

    static final Map<String, Long> NORTH = counters(15, 10, 2, 0, 0, 0, 0, 0, 4, 8);
    static final Map<String, Long> SOUTH = counters(15, 6, 3, 2, 0, 0, 0, 3, 3, 5);
    /** Too few respondents: 4 promoters and one passive, whose NPS would be 80.0. */
    static final Map<String, Long> FEW = counters(8, 4, 1, 0, 0, 0, 0, 0, 1, 4);

    private Samples() {
    }

    static Map<String, Long> counters(long invited, long p, long pa, long d, long... ratingsOneToSix) {
        return SampleCounters.feedback(invited, p, pa, d, ratingsOneToSix);
    }

    static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** North and South, both shown: overall NPS 60.9 [34.6, 87.1]. */
    static PeriodSummary twoTeams(String period) {
        return PeriodSummary.compile(period, plus(NORTH, SOUTH), Map.of("t-north", NORTH, "t-south", SOUTH));
    }

    /** Five respondents in all: every figure resting on them is suppressed. */
    static PeriodSummary few(String period) {
        return PeriodSummary.compile(period, FEW, Map.of("t-north", FEW));
    }

    static Report report(PeriodSummary... periods) {
        return new Report("Feedback summary", List.of(periods), Map.of(Q, "Positive impact on life"),
                Map.of("t-north", "Team A", "t-south", "Team B"));
    }
}
