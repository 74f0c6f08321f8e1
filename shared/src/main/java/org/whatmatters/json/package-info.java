/**
 * The one JSON mapper, and strict reading of request bodies.
 *
 * <p>May depend on: problem.
 */
package org.whatmatters.json;
