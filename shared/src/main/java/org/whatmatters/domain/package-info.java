/**
 * The records of the domain (Visit, OutcomeStory, SurveyResponse, Contract, …), with no behaviour beyond
 * their own.
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.domain;
