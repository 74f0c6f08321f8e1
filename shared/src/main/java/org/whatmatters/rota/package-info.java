/**
 * The rota: a person's recurring schedule turned into planned visits, day by day in the provider's zone;
 * creating, changing and ending schedules, refused when they would double-book a worker.
 *
 * <p>May depend on: access, auth, config, data, domain, ops, problem, validation.
 */
package org.whatmatters.rota;
