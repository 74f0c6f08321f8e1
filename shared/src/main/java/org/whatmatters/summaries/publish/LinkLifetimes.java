package org.whatmatters.summaries.publish;

import java.time.Duration;
import org.whatmatters.config.Env;

/**
 * How long a signed link lives: 15 minutes unless the caller asks otherwise, at most
 * LINK_MAX_SECONDS (default one hour), which is itself capped at 7 days, the longest a SigV4
 * presigned URL can be valid. The default is an hour because a URL signed with a Lambda role's
 * temporary credentials stops working when they expire, whatever it asks for.
 */
public record LinkLifetimes(Duration standard, Duration max) {

    public static final Duration SIGV4_MAX = Duration.ofDays(7);
    public static final Duration DEFAULT = Duration.ofMinutes(15);

    public static LinkLifetimes of(Env env) {
        long max = env.get("LINK_MAX_SECONDS").filter(s -> !s.isBlank()).map(Long::parseLong).orElse(3_600L);
        if (max < 1) {
            throw new IllegalStateException("LINK_MAX_SECONDS must be at least 1, not " + max);
        }
        Duration bounded = Duration.ofSeconds(Math.min(max, SIGV4_MAX.toSeconds()));
        Duration standard = DEFAULT.compareTo(bounded) > 0 ? bounded : DEFAULT;
        return new LinkLifetimes(standard, bounded);
    }
}
