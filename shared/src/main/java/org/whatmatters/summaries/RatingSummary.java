package org.whatmatters.summaries;

/** One question's ratings: the average on the 1–6 scale (shown as x/6) and how many gave each value. */
public record RatingSummary(String questionId, Figure<Double> average, int outOf, CountTable<Integer> distribution) {

    public static final int SCALE = 6;
}
