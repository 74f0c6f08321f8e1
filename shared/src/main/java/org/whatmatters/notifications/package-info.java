/**
 * Notifications that reach families when their page is closed: the kinds of update, the channels
 * (e-mail, SMS, Web Push), each family member's choices per person, and quiet hours.
 *
 * <p>May depend on: nothing.
 */
package org.whatmatters.notifications;
