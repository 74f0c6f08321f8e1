/**
 * How a caller stands towards what they ask for: a client (ClientRelations, the one entry point, and the
 * rule in ClientAccess) and the provider's set-up (SetupAccess).
 *
 * <p>May depend on: auth, data, domain, problem, validation.
 */
package org.whatmatters.access;
