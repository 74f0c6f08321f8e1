package org.whatmatters.visits;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.whatmatters.config.Env;

/**
 * The stack's rules for late, missed and short visits (template parameters): late once nobody has checked in
 * {@code lateAfter} past the planned start, missed once nobody has by the planned end plus {@code missedGrace},
 * short when it lasted under {@code shortPercent}% of the plan.
 */
@Singleton
public final class VisitRules {

    /** The commissioners' punctuality window, either side of the planned start; not a parameter, a definition. */
    public static final Duration ON_TIME = Duration.ofMinutes(15);

    /** The template's defaults. */
    public static final VisitRules DEFAULTS = new VisitRules(Duration.ofMinutes(15), Duration.ofMinutes(30), 75);

    private final Duration lateAfter;
    private final Duration missedGrace;
    private final int shortPercent;

    @Inject
    public VisitRules(Env env) {
        this(Duration.ofMinutes(number(env, "LATE_AFTER_MINUTES", 15)),
                Duration.ofMinutes(number(env, "MISSED_GRACE_MINUTES", 30)), (int) number(env, "SHORT_VISIT_PERCENT", 75));
    }

    public VisitRules(Duration lateAfter, Duration missedGrace, int shortPercent) {
        if (lateAfter.isNegative() || missedGrace.isNegative() || shortPercent < 0 || shortPercent > 100) {
            throw new IllegalArgumentException("late and grace are not negative, the short percentage is 0-100");
        }
        this.lateAfter = lateAfter;
        this.missedGrace = missedGrace;
        this.shortPercent = shortPercent;
    }

    public Duration lateAfter() {
        return lateAfter;
    }

    public Duration missedGrace() {
        return missedGrace;
    }

    public int shortPercent() {
        return shortPercent;
    }

    private static long number(Env env, String name, long otherwise) {
        return env.get(name).filter(v -> !v.isBlank()).map(Long::parseLong).orElse(otherwise);
    }
}
