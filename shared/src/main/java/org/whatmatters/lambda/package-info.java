/**
 * The HTTP API adapter every API function shares: routing, the edge checks, idempotency, problems out,
 * SnapStart priming, and stream records read as the SDK reads items.
 *
 * <p>May depend on: access, auth, data, json, live, ops, problem, validation.
 */
package org.whatmatters.lambda;
