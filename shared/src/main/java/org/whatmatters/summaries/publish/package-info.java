/**
 * Compiling summaries and dashboards into the bucket and the catalogue, listing them, signed links and
 * their audit trail.
 *
 * <p>May depend on: access, auth, config, data, domain, json, ops, problem, setup, summaries, summaries.render, validation.
 */
package org.whatmatters.summaries.publish;
