/**
 * Family invites and the links they make: invite, accept, list, revoke.
 *
 * <p>May depend on: access, auth, data, domain, problem, validation.
 */
package org.whatmatters.invites;
