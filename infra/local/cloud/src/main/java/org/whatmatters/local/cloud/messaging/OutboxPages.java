package org.whatmatters.local.cloud.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.whatmatters.json.Json;

/**
 * The outbox, and what providers would report back, injected:
 * <ul>
 *   <li>GET /_local/outbox (JSON), GET /_local/outbox.html (a page), DELETE /_local/outbox (empty it);</li>
 *   <li>POST /_local/outbox/faults {"failEvery": n}: every n-th send fails for now (5xx);</li>
 *   <li>POST /_local/outbox/bounce {"email", "bounceType"?} and /complaint {"email"}: SES's event, published to
 *       the e-mail feedback topic as SES would;</li>
 *   <li>POST /_local/outbox/sms-reply {"from", "body"}: a reply to our SMS, published to the SMS replies topic.</li>
 * </ul>
 */
public final class OutboxPages implements HttpHandler {

    public static final String PATH = "/_local/outbox";

    private final Outbox outbox;
    private final BiConsumer<String, String> publishEmailFeedback;
    private final BiConsumer<String, String> publishSmsReply;

    /** The two publishers take (subject, message) to the feedback topics. */
    public OutboxPages(Outbox outbox, BiConsumer<String, String> publishEmailFeedback,
                       BiConsumer<String, String> publishSmsReply) {
        this.outbox = outbox;
        this.publishEmailFeedback = publishEmailFeedback;
        this.publishSmsReply = publishSmsReply;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.read(raw, JsonNode.class);
            switch (method + " " + path) {
                case "GET " + PATH -> AwsStandIns.send(exchange, 200, "application/json", Json.write(outbox.all()));
                case "GET " + PATH + ".html" -> AwsStandIns.send(exchange, 200, "text/html; charset=utf-8", OutboxPage.html(outbox.all()));
                case "DELETE " + PATH -> {
                    outbox.clear();
                    AwsStandIns.send(exchange, 200, "application/json", "{}");
                }
                case "POST " + PATH + "/faults" -> {
                    outbox.failEvery(body.path("failEvery").asInt(0));
                    AwsStandIns.send(exchange, 200, "application/json", Json.write(Map.of("failEvery", body.path("failEvery").asInt(0))));
                }
                case "POST " + PATH + "/bounce" -> feedback(exchange, "Bounce", body);
                case "POST " + PATH + "/complaint" -> feedback(exchange, "Complaint", body);
                case "POST " + PATH + "/sms-reply" -> {
                    ObjectNode reply = Json.MAPPER.createObjectNode().put("originationNumber", body.path("from").asText())
                            .put("destinationNumber", body.path("to").asText("+447700900000"))
                            .put("messageKeyword", "KEYWORD_" + body.path("to").asText("LOCAL"))
                            .put("messageBody", body.path("body").asText())
                            .put("inboundMessageId", UUID.randomUUID().toString());
                    publishSmsReply.accept(null, Json.write(reply));
                    AwsStandIns.send(exchange, 202, "application/json", Json.write(reply));
                }
                default -> AwsStandIns.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            }
        }
    }

    /** SES's event publishing shape (eventType, mail, bounce/complaint), as its configuration set sends it to SNS. */
    private void feedback(HttpExchange exchange, String type, JsonNode body) throws IOException {
        String email = body.path("email").asText();
        ObjectNode event = Json.MAPPER.createObjectNode().put("eventType", type);
        event.putObject("mail").put("timestamp", Instant.now().toString()).put("messageId", "local-" + UUID.randomUUID())
                .putArray("destination").add(email);
        if (type.equals("Bounce")) {
            ObjectNode b = event.putObject("bounce").put("bounceType", body.path("bounceType").asText("Permanent"))
                    .put("bounceSubType", "General").put("timestamp", Instant.now().toString());
            b.putArray("bouncedRecipients").addObject().put("emailAddress", email).put("status", "5.1.1")
                    .put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
        } else {
            ObjectNode c = event.putObject("complaint").put("timestamp", Instant.now().toString())
                    .put("complaintFeedbackType", "abuse");
            c.putArray("complainedRecipients").addObject().put("emailAddress", email);
        }
        publishEmailFeedback.accept("Amazon SES Email Event Notification", Json.write(event));
        AwsStandIns.send(exchange, 202, "application/json", Json.write(event));
    }
}
