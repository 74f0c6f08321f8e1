/**
 * The figures: NPS and its interval, ratings, continuity, activity, disclosure control, redaction; pure
 * code on counters.
 *
 * <p>May depend on: aggregates, domain, setup.
 */
package org.whatmatters.summaries;
