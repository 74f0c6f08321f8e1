/**
 * Who is calling: the verified token's claims (Caller), the caller's team and organisation from the data
 * (Affiliations), and the WebSocket's own token check (TokenVerifier, Jwks).
 *
 * <p>May depend on: config, data, domain, json, ops, problem, validation.
 */
package org.whatmatters.auth;
