/**
 * The one way configuration reaches code (Env).
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.config;
