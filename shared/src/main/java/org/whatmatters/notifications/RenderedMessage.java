package org.whatmatters.notifications;

/**
 * One notification as a person reads it: who and when, and a link to the page; never health detail or a
 * worker's note. {@code updateId} names the update (an e-mail header, for support). {@code sms} is the short form, {@code pushTitle}/{@code pushBody} what a phone shows.
 */
public record RenderedMessage(String updateId, String subject, String text, String html, String sms, String pushTitle,
                              String pushBody, String url) {
}
