/**
 * Dagger modules: the AWS clients, built once per function instance.
 *
 * <p>May depend on: config.
 */
package org.whatmatters.wiring;
