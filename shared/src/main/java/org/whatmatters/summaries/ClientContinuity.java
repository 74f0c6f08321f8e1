package org.whatmatters.summaries;

/** One client's continuity of care: visits, distinct workers, and the Bice–Boxerman index (null below two visits). */
public record ClientContinuity(long visits, int workers, Double index) {
}
