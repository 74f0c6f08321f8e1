/**
 * The rules every request field obeys: the one id rule (Ids), text, e-mail, dates (Checks, RecordDates).
 *
 * <p>May depend on: problem.
 */
package org.whatmatters.validation;
