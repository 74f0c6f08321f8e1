/**
 * Notifications that reach a family member whose page is closed: their choices and contact details, the
 * planning of each update into messages (quiet hours, channels), the exactly-once send through the channels,
 * one-click unsubscribe and the feedback (bounces, complaints, STOP) that stops sending.
 *
 * <p>May depend on: auth, config, data, domain, json, live, notifications.push, ops, problem, text, validation.
 */
package org.whatmatters.notifications;
