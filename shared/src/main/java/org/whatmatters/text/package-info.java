/**
 * Text written into pages and e-mails: the one HTML escaper.
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.text;
