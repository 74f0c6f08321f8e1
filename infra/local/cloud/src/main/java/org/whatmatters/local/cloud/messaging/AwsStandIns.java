package org.whatmatters.local.cloud.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.whatmatters.json.Json;

/**
 * The AWS APIs the notification functions call, on the local cloud's HTTP port: SES v2 SendEmail
 * ({@value #SES}), End User Messaging SMS SendTextMessage ({@value #SMS}) and SSM GetParameter ({@value #SSM}).
 * What is sent lands in the {@link Outbox}; the functions reach these through AWS_ENDPOINT_URL_SESV2,
 * AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 and AWS_ENDPOINT_URL_SSM.
 */
public final class AwsStandIns implements HttpHandler {

    public static final String SES = "/_aws/sesv2";
    public static final String SMS = "/_aws/sms-voice";
    public static final String SSM = "/_aws/ssm";

    private final Outbox outbox;
    private final Map<String, String> parameters;

    /** {@code parameters}: the SSM parameters by name (the local VAPID keys). */
    public AwsStandIns(Outbox outbox, Map<String, String> parameters) {
        this.outbox = outbox;
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.read(raw, JsonNode.class);
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if (path.startsWith(SES + "/v2/email/outbound-emails") && exchange.getRequestMethod().equals("POST")) {
                email(exchange, body);
            } else if (path.startsWith(SMS) && target.equals("PinpointSMSVoiceV2.SendTextMessage")) {
                sms(exchange, body);
            } else if (path.startsWith(SSM) && target.equals("AmazonSSM.GetParameter")) {
                parameter(exchange, body);
            } else {
                send(exchange, 400, "application/json", error("UnknownOperationException", "not emulated: " + path
                        + " " + target));
            }
        }
    }

    private void email(HttpExchange exchange, JsonNode body) throws IOException {
        if (outbox.failsNow()) {
            send(exchange, 429, "application/json", error("TooManyRequestsException", "injected fault"));
            return;
        }
        JsonNode simple = body.path("Content").path("Simple");
        Map<String, String> headers = new LinkedHashMap<>();
        simple.path("Headers").forEach(h -> headers.put(h.path("Name").asText(), h.path("Value").asText()));
        headers.put("From", body.path("FromEmailAddress").asText());
        if (body.has("ConfigurationSetName")) {
            headers.put("X-SES-CONFIGURATION-SET", body.path("ConfigurationSetName").asText());
        }
        String id = "local-" + UUID.randomUUID();
        for (JsonNode to : body.path("Destination").path("ToAddresses")) {
            outbox.add(new OutboxMessage(id, "email", to.asText(), Instant.now(), simple.path("Subject").path("Data").asText(),
                    simple.path("Body").path("Text").path("Data").asText(null),
                    simple.path("Body").path("Html").path("Data").asText(null), headers, null));
        }
        send(exchange, 200, "application/json", Json.write(Map.of("MessageId", id)));
    }

    private void sms(HttpExchange exchange, JsonNode body) throws IOException {
        if (outbox.failsNow()) {
            send(exchange, 500, "application/x-amz-json-1.0", error("InternalServerException", "injected fault"));
            return;
        }
        String id = "local-" + UUID.randomUUID();
        outbox.add(new OutboxMessage(id, "sms", body.path("DestinationPhoneNumber").asText(), Instant.now(), null,
                body.path("MessageBody").asText(), null, Map.of("From", body.path("OriginationIdentity").asText()), null));
        send(exchange, 200, "application/x-amz-json-1.0", Json.write(Map.of("MessageId", id)));
    }

    private void parameter(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("Name").asText();
        String value = parameters.get(name);
        if (value == null) {
            send(exchange, 400, "application/x-amz-json-1.1", error("ParameterNotFound", name));
            return;
        }
        ObjectNode p = Json.MAPPER.createObjectNode().put("Name", name).put("Type", "SecureString").put("Value", value)
                .put("Version", 1).put("DataType", "text");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("Parameter", p);
        send(exchange, 200, "application/x-amz-json-1.1", Json.write(out));
    }

    private static String error(String type, String message) {
        return Json.write(Map.of("__type", type, "message", message, "Message", message));
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (status >= 400) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", Json.read(body, JsonNode.class).path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
