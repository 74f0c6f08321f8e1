/**
 * Care visits: plan, check in, check out, read and list, with the counters they add.
 *
 * <p>May depend on: access, aggregates, auth, config, data, domain, ops, problem.
 */
package org.whatmatters.visits;
