package org.whatmatters.summaries;

import java.util.Optional;

/**
 * Net Promoter Score: % promoters (9–10) − % detractors (0–6), with its 95% interval from
 * var = 100² · (p + d − (p − d)²) / n, clamped to the scale's −100…100. Figures to one decimal.
 * It carries no counts: a published NPS must not reveal how many promoters or detractors there were.
 */
public record Nps(double score, double low, double high, int benchmark) {

    /** The healthcare benchmark shown beside every NPS. */
    public static final int BENCHMARK = 58;

    private static final double Z95 = 1.96;

    /** Empty when nobody answered. */
    public static Optional<Nps> of(long promoters, long passives, long detractors) {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("negative count");
        }
        long n = promoters + passives + detractors;
        if (n == 0) {
            return Optional.empty();
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double score = 100 * (p - d);
        // p + d − (p − d)² is never negative in exact arithmetic; rounding can make it −1e-17.
        double half = Z95 * Math.sqrt(Math.max(0, 100 * 100 * (p + d - (p - d) * (p - d)) / n));
        return Optional.of(new Nps(Numbers.round(score, 1), Numbers.round(Math.max(-100, score - half), 1),
                Numbers.round(Math.min(100, score + half), 1), BENCHMARK));
    }
}
