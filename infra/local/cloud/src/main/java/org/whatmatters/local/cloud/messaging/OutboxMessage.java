package org.whatmatters.local.cloud.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One message a stand-in took, as the person would get it: an e-mail (subject, text, HTML, headers), an SMS
 * (text), or a push (the payload decrypted with the subscription's keys, and whether its VAPID signature held).
 */
public record OutboxMessage(String id, String channel, String to, Instant at, String subject, String text, String html,
                            Map<String, String> headers, JsonNode push) {
}
