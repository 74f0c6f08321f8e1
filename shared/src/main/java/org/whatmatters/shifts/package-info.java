/**
 * Paid shifts, from which the Magic Number is computed.
 *
 * <p>May depend on: access, aggregates, auth, data, domain, problem, validation.
 */
package org.whatmatters.shifts;
