/**
 * Who the caller is to the service, as the pages start from it (GET /me).
 *
 * <p>May depend on: access, auth, data, domain.
 */
package org.whatmatters.account;
