/**
 * Compiling summaries and dashboards into the bucket and the catalogue, listing them, signed links and
 * their audit trail.
 *
 * <p>May depend on: access, aggregates, auth, config, data, domain, json, ops, problem, setup, summaries, summaries.render, validation, visits.
 */
package org.whatmatters.summaries.publish;
