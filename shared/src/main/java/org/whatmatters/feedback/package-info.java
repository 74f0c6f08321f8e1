/**
 * Survey responses: submitting and reading one's own answer, counted into the period's aggregates.
 *
 * <p>May depend on: access, aggregates, auth, data, domain, ops, problem, validation.
 */
package org.whatmatters.feedback;
