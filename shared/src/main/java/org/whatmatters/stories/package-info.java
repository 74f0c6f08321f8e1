/**
 * Outcome stories: recording them with their sharing consent, and reading them as each caller may.
 *
 * <p>May depend on: access, aggregates, auth, data, domain, problem, validation.
 */
package org.whatmatters.stories;
