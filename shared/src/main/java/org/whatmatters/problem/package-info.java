/**
 * The one error model: RFC 9457 problems, and the violations a request collects.
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.problem;
