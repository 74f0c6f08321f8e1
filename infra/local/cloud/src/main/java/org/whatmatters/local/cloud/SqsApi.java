package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.whatmatters.json.Json;

/**
 * The SQS API over {@link LocalQueues}, in the AWS JSON 1.0 protocol the SDK's SqsClient speaks:
 * {@code POST} with {@code X-Amz-Target: AmazonSQS.<Operation>}, the queue named by the QueueUrl in
 * the body (any host: the SDK sends to its endpoint, not to the URL's host). Errors answer as SQS
 * does, with {@code __type} and the query-compatible code in {@code x-amzn-query-error}.
 */
final class SqsApi implements HttpHandler {

    /** Where it is mounted on the local cloud's HTTP port: AWS_ENDPOINT_URL_SQS is the port's root plus this. */
    static final String PATH = "/_aws/sqs";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final int MAX_BATCH = 10;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Set<String> QUEUE_ATTRIBUTES = Set.of("All", "Policy", "VisibilityTimeout",
            "MaximumMessageSize", "MessageRetentionPeriod", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
            "ApproximateNumberOfMessagesDelayed", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy",
            "FifoQueue", "ContentBasedDeduplication", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
            "DeduplicationScope", "FifoThroughputLimit", "RedriveAllowPolicy", "SqsManagedSseEnabled");

    private final LocalQueues queues;

    SqsApi(LocalQueues queues) {
        this.queues = queues;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST") || target == null || !target.startsWith("AmazonSQS.")) {
                error(exchange, 400, "com.amazon.coral.service#UnknownOperationException", null,
                        "The local SQS speaks the AWS JSON 1.0 protocol only (POST, X-Amz-Target: AmazonSQS.*)");
                return;
            }
            JsonNode request;
            try {
                request = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
            } catch (IOException e) {
                error(exchange, 400, "com.amazon.coral.service#SerializationException", null, e.getMessage());
                return;
            }
            try {
                ObjectNode response = operation(target.substring("AmazonSQS.".length()), request, senderId(exchange));
                send(exchange, 200, Json.write(response));
            } catch (SqsError e) {
                SqsError.Kind k = e.kind();
                error(exchange, k.status(), "com.amazonaws.sqs#" + k.code(), k.queryCode(), e.getMessage());
            }
        }
    }

    private ObjectNode operation(String name, JsonNode r, String sender) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        switch (name) {
            case "SendMessage" -> {
                LocalQueues.Sent s = send(queue(r), r, sender);
                sent(out, s);
            }
            case "SendMessageBatch" -> {
                String queue = queue(r);
                ArrayNode ok = out.putArray("Successful");
                ArrayNode failed = out.putArray("Failed");
                List<JsonNode> entries = entries(r, true);
                int total = 0;
                for (JsonNode e : entries) {
                    total += LocalQueues.size(e.path("MessageBody").asText(""), attributes(e.get("MessageAttributes")));
                }
                if (total > QueueSpec.MAX_MESSAGE_SIZE) {
                    throw new SqsError(SqsError.Kind.BATCH_REQUEST_TOO_LONG, "Batch requests cannot be longer than "
                            + QueueSpec.MAX_MESSAGE_SIZE + " bytes. You have sent " + total + " bytes.");
                }
                for (JsonNode e : entries) {
                    try {
                        LocalQueues.Sent s = send(queue, e, sender);
                        sent(ok.addObject().put("Id", e.get("Id").asText()), s);
                    } catch (SqsError x) {
                        failed(failed, e, x);
                    }
                }
            }
            case "ReceiveMessage" -> receive(r, out);
            case "DeleteMessage" -> queues.delete(queue(r), text(r, "ReceiptHandle"));
            case "DeleteMessageBatch" -> {
                String queue = queue(r);
                ArrayNode ok = out.putArray("Successful");
                ArrayNode failed = out.putArray("Failed");
                for (JsonNode e : entries(r, false)) {
                    try {
                        queues.delete(queue, text(e, "ReceiptHandle"));
                        ok.addObject().put("Id", e.get("Id").asText());
                    } catch (SqsError x) {
                        failed(failed, e, x);
                    }
                }
            }
            case "ChangeMessageVisibility" -> queues.changeVisibility(queue(r), text(r, "ReceiptHandle"),
                    required(r, "VisibilityTimeout"));
            case "ChangeMessageVisibilityBatch" -> {
                String queue = queue(r);
                ArrayNode ok = out.putArray("Successful");
                ArrayNode failed = out.putArray("Failed");
                for (JsonNode e : entries(r, false)) {
                    try {
                        queues.changeVisibility(queue, text(e, "ReceiptHandle"), required(e, "VisibilityTimeout"));
                        ok.addObject().put("Id", e.get("Id").asText());
                    } catch (SqsError x) {
                        failed(failed, e, x);
                    }
                }
            }
            case "GetQueueUrl" -> out.put("QueueUrl", queues.url(text(r, "QueueName")));
            case "GetQueueAttributes" -> {
                Set<String> names = names(r.get("AttributeNames"));
                for (String n : names) {
                    if (!QUEUE_ATTRIBUTES.contains(n)) {
                        throw new SqsError(SqsError.Kind.INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + n + ".");
                    }
                }
                ObjectNode attrs = Json.MAPPER.createObjectNode();
                queues.attributes(queue(r)).forEach((k, v) -> {
                    if (names.contains("All") || names.contains(k)) {
                        attrs.put(k, v);
                    }
                });
                if (!attrs.isEmpty()) {
                    out.set("Attributes", attrs);
                }
            }
            case "PurgeQueue" -> queues.purge(queue(r));
            case "ListQueues" -> {
                String prefix = r.path("QueueNamePrefix").asText("");
                ArrayNode urls = Json.MAPPER.createArrayNode();
                queues.specs().stream().filter(q -> q.name().startsWith(prefix))
                        .forEach(q -> urls.add(q.url(queues.endpoint())));
                if (!urls.isEmpty()) {
                    out.set("QueueUrls", urls);
                }
            }
            default -> throw new SqsError(SqsError.Kind.UNSUPPORTED_OPERATION, name
                    + " is not emulated by the local cloud: its queues are the template's");
        }
        return out;
    }

    private LocalQueues.Sent send(String queue, JsonNode m, String sender) {
        JsonNode body = m.get("MessageBody");
        return queues.send(queue, body == null || body.isNull() ? null : body.asText(),
                integer(m, "DelaySeconds", null), attributes(m.get("MessageAttributes")),
                attributes(m.get("MessageSystemAttributes")), sender);
    }

    private static void sent(ObjectNode out, LocalQueues.Sent s) {
        out.put("MD5OfMessageBody", s.md5OfBody());
        if (s.md5OfAttributes() != null) {
            out.put("MD5OfMessageAttributes", s.md5OfAttributes());
        }
        if (s.md5OfSystemAttributes() != null) {
            out.put("MD5OfMessageSystemAttributes", s.md5OfSystemAttributes());
        }
        out.put("MessageId", s.messageId());
    }

    private void receive(JsonNode r, ObjectNode out) {
        String queue = queue(r);
        int max = integer(r, "MaxNumberOfMessages", 1);
        if (max < 1 || max > MAX_BATCH) {
            throw SqsError.invalid("Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be "
                    + "between 1 and 10, if provided.");
        }
        Integer visibility = integer(r, "VisibilityTimeout", null);
        if (visibility != null && (visibility < 0 || visibility > 43_200)) {
            throw SqsError.invalid("Value " + visibility + " for parameter VisibilityTimeout is invalid. Reason: "
                    + "must be between 0 and 43200.");
        }
        int wait = integer(r, "WaitTimeSeconds", queues.spec(queue).receiveWaitSeconds());
        if (wait < 0 || wait > LocalQueues.MAX_WAIT_SECONDS) {
            throw SqsError.invalid("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 "
                    + "and <= 20, if provided.");
        }
        Set<String> system = names(r.get("AttributeNames"));
        system.addAll(names(r.get("MessageSystemAttributeNames")));
        Set<String> wanted = names(r.get("MessageAttributeNames"));
        List<LocalQueues.Received> received = queues.receive(queue, max, visibility, Duration.ofSeconds(wait));
        if (received.isEmpty()) {
            return;
        }
        ArrayNode messages = out.putArray("Messages");
        for (LocalQueues.Received m : received) {
            ObjectNode o = messages.addObject().put("MessageId", m.messageId()).put("ReceiptHandle", m.receiptHandle())
                    .put("MD5OfBody", m.md5OfBody()).put("Body", m.body());
            ObjectNode attrs = Json.MAPPER.createObjectNode();
            m.systemAttributes().forEach((k, v) -> {
                if (system.contains("All") || system.contains(k)) {
                    attrs.put(k, v);
                }
            });
            if (!attrs.isEmpty()) {
                o.set("Attributes", attrs);
            }
            Map<String, LocalQueues.Attribute> chosen = new LinkedHashMap<>();
            m.attributes().forEach((k, v) -> {
                if (wanted(wanted, k)) {
                    chosen.put(k, v);
                }
            });
            // The digest is of the attributes returned, which is what the SDK checks it against.
            if (!chosen.isEmpty()) {
                o.put("MD5OfMessageAttributes", LocalQueues.md5OfAttributes(chosen));
                ObjectNode a = o.putObject("MessageAttributes");
                chosen.forEach((k, v) -> attribute(a.putObject(k), v));
            }
        }
    }

    /** "All" or ".*" for every attribute, a name, or a prefix such as "bar.*". */
    private static boolean wanted(Set<String> wanted, String name) {
        for (String w : wanted) {
            if (w.equals("All") || w.equals(".*") || w.equals(name)
                    || w.endsWith(".*") && name.startsWith(w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static void attribute(ObjectNode o, LocalQueues.Attribute a) {
        if (a.stringValue() != null) {
            o.put("StringValue", a.stringValue());
        } else {
            o.put("BinaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
        }
        o.put("DataType", a.dataType());
    }

    private static Map<String, LocalQueues.Attribute> attributes(JsonNode node) {
        Map<String, LocalQueues.Attribute> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            JsonNode binary = v.get("BinaryValue");
            out.put(e.getKey(), new LocalQueues.Attribute(v.path("DataType").asText(null),
                    v.hasNonNull("StringValue") ? v.get("StringValue").asText() : null,
                    binary == null || binary.isNull() ? null : Base64.getDecoder().decode(binary.asText())));
        });
        return out;
    }

    /** A batch's entries, checked as SQS checks them before any entry is tried. */
    private List<JsonNode> entries(JsonNode r, boolean sending) {
        List<JsonNode> entries = new ArrayList<>();
        r.path("Entries").forEach(entries::add);
        if (entries.isEmpty()) {
            throw new SqsError(SqsError.Kind.EMPTY_BATCH_REQUEST, "There should be at least one "
                    + (sending ? "SendMessageBatchRequestEntry" : "entry") + " in the request.");
        }
        if (entries.size() > MAX_BATCH) {
            throw new SqsError(SqsError.Kind.TOO_MANY_ENTRIES_IN_BATCH_REQUEST, "Maximum number of entries per request "
                    + "are " + MAX_BATCH + ". You have sent " + entries.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode e : entries) {
            String id = e.path("Id").asText("");
            if (!BATCH_ID.matcher(id).matches()) {
                throw new SqsError(SqsError.Kind.INVALID_BATCH_ENTRY_ID, "A batch entry id can only contain "
                        + "alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw new SqsError(SqsError.Kind.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id " + id + " repeated.");
            }
        }
        return entries;
    }

    private static void failed(ArrayNode failed, JsonNode entry, SqsError e) {
        failed.addObject().put("Id", entry.get("Id").asText()).put("SenderFault", e.kind().status() < 500)
                .put("Code", e.kind().code()).put("Message", e.getMessage());
    }

    private String queue(JsonNode r) {
        return queues.nameForUrl(text(r, "QueueUrl"));
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            throw new SqsError(SqsError.Kind.MISSING_PARAMETER, "The request must contain the parameter " + field + ".");
        }
        return v.asText();
    }

    /** An integer field, or {@code fallback} when the request leaves it out. */
    private static Integer integer(JsonNode r, String field, Integer fallback) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt()) {
            throw SqsError.invalid("Value " + v.asText() + " for parameter " + field + " is invalid.");
        }
        return v.asInt();
    }

    private static int required(JsonNode r, String field) {
        Integer v = integer(r, field, null);
        if (v == null) {
            throw new SqsError(SqsError.Kind.MISSING_PARAMETER, "The request must contain the parameter " + field + ".");
        }
        return v;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> out = new HashSet<>();
        if (list != null) {
            list.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** SQS names the principal that sent a message; locally, the access key the request was signed with. */
    private static String senderId(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
        return m != null && m.find() ? m.group(1) : "anonymous";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON_1_0);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, int status, String type, String queryCode, String message)
            throws IOException {
        if (queryCode != null) {
            exchange.getResponseHeaders().set("x-amzn-query-error", queryCode + ";Sender");
        }
        send(exchange, status, Json.write(Json.MAPPER.createObjectNode().put("__type", type).put("message", message)));
    }
}
