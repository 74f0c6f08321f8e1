/**
 * The HTTP API adapter every API function shares: routing, the edge checks, idempotency, problems out,
 * SnapStart priming.
 *
 * <p>May depend on: access, auth, data, json, ops, problem, validation.
 */
package org.whatmatters.lambda;
