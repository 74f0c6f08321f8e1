/**
 * Live updates: the WebSocket connections, the stream fan-out, the per-client feed and the sweep of expired
 * connections.
 *
 * <p>May depend on: access, auth, config, data, domain, json, ops, problem, validation, visits.
 */
package org.whatmatters.live;
