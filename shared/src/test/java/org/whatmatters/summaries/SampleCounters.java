package org.whatmatters.summaries;

import java.util.HashMap;
import java.util.Map;
import org.whatmatters.aggregates.Counter;

/** Feedback counters of one scope, as FeedbackCounters and InvitationStore write them, for one question. */
public final class SampleCounters {

    public static final String Q = "q-impact";

    private SampleCounters() {
    }

    public static Map<String, Long> feedback(long invited, long p, long pa, long d, long... ratingsOneToSix) {
        Map<String, Long> c = new HashMap<>();
        c.put(Counter.INVITATIONS, invited);
        c.put(Counter.RESPONSES, p + pa + d);
        c.put(Counter.PROMOTERS, p);
        c.put(Counter.PASSIVES, pa);
        c.put(Counter.DETRACTORS, d);
        long sum = 0;
        long count = 0;
        for (int v = 1; v <= ratingsOneToSix.length; v++) {
            long n = ratingsOneToSix[v - 1];
            if (n > 0) {
                c.put(Counter.rating(Q, v), n);
                sum += v * n;
                count += n;
            }
        }
        if (count > 0) {
            c.put(Counter.ratingSum(Q), sum);
            c.put(Counter.ratingCount(Q), count);
        }
        return c;
    }

    /**
     * A contract-month of activity: 12 clients (so continuity is shown), health events and stories, and the rota:
     * 240 visits completed (216 on time, 20 late by 500 minutes in all, 12 short), 6 missed, cancellations asked
     * for by the client (6) and the family (2), 246 × 60 minutes planned and 14,100 delivered.
     */
    public static Map<String, Long> activity() {
        Map<String, Long> c = new HashMap<>();
        c.put(Counter.VISITS, 240L);
        c.put(Counter.CARE_MINUTES, 14_400L);
        c.put(Counter.ON_TIME, 216L);
        c.put(Counter.LATE, 20L);
        c.put(Counter.LATE_MINUTES, 500L);
        c.put(Counter.SHORT, 12L);
        c.put(Counter.MISSED, 6L);
        c.put(Counter.CANCELLED, 8L);
        c.put(Counter.cancelledBy("client"), 6L);
        c.put(Counter.cancelledBy("family"), 2L);
        c.put(Counter.PLANNED_MINUTES, 14_760L);
        c.put(Counter.DELIVERED_MINUTES, 14_100L);
        c.put(Counter.HEALTH_EVENTS, 11L);
        c.put(Counter.healthEvents("fall"), 6L);
        c.put(Counter.healthEvents("gp-call-out"), 5L);
        c.put(Counter.STORIES, 7L);
        c.put(Counter.stories("independence", "family"), 5L);
        c.put(Counter.stories("dignity", "commissioner-anonymised"), 2L);
        for (int i = 1; i <= 12; i++) {
            c.put(Counter.visitsBy("c-" + i, "w-a"), 15L);
            c.put(Counter.visitsBy("c-" + i, "w-b"), 5L);
        }
        return c;
    }
}
