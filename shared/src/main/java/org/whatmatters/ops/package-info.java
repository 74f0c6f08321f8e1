/**
 * Logs (one JSON line per event), EMF metrics, the invocation context, and scheduled runs of isolated
 * units.
 *
 * <p>May depend on: json.
 */
package org.whatmatters.ops;
