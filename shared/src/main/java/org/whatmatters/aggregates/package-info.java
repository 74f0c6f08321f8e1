/**
 * The names of the running counters that summaries are compiled from.
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.aggregates;
