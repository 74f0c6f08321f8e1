package org.whatmatters.summaries;

/** One part of a count table, e.g. the ratings of 5, or the hospital admissions. */
public record Cell<K>(K key, Figure<Long> count) {
}
