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
}
