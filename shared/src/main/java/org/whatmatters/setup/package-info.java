/**
 * The provider's set-up: teams and members, clients and planned hours, contracts and commissioner accounts,
 * survey periods and invitations.
 *
 * <p>May depend on: access, aggregates, auth, data, domain, problem, validation.
 */
package org.whatmatters.setup;
