/**
 * Health events (hospital admissions, A&E, falls, GP call-outs) recorded by a client's team.
 *
 * <p>May depend on: access, aggregates, auth, data, domain, problem, validation.
 */
package org.whatmatters.health;
