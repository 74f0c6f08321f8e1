package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.LocalDynamo;

/**
 * The template's SNS topics: a publish reaches every subscribed function with the SNSEvent SNS
 * sends, invoked asynchronously as SNS invokes Lambda (Lambda retries a failed one twice, then
 * gives up). E-mail subscriptions are not among them: the local cloud sends no mail.
 */
public final class LocalTopics implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_MESSAGE_BYTES = 262_144;

    /** @param retryDelays waits before each retry of a failed delivery (Lambda's asynchronous retries) */
    public record Options(String region, List<Duration> retryDelays) {
        public static final Options DEFAULTS = new Options(LocalDynamo.REGION.id(),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }

    private final List<TopicSpec> topics;
    private final Invoker invoker;
    private final Clock clock;
    private final Options options;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();

    public LocalTopics(List<TopicSpec> topics, Invoker invoker, Clock clock, Options options) {
        this.topics = List.copyOf(topics);
        this.invoker = invoker;
        this.clock = clock;
        this.options = options;
    }

    public List<TopicSpec> topics() {
        return topics;
    }

    /** The topic with this ARN, logical id or name. */
    public TopicSpec topic(String topic) {
        return topics.stream().filter(t -> t.arn().equals(topic) || t.logicalId().equals(topic) || t.name().equals(topic))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No topic " + topic + " in the template"));
    }

    /**
     * Publish: delivers the message to every function subscribed to the topic, and answers its
     * MessageId at once, before the deliveries end.
     *
     * @param subject    null for none
     * @param attributes message attributes (String, Number, Binary), may be empty
     * @throws IllegalArgumentException for an unknown topic, or a message SNS would refuse
     */
    public String publish(String topic, String message, String subject, Map<String, LocalQueues.Attribute> attributes) {
        TopicSpec t = topic(topic);
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("Empty message");
        }
        int size = LocalQueues.size(message, attributes);
        if (size > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("Message too long: " + size + " bytes (SNS takes up to "
                    + MAX_MESSAGE_BYTES + ")");
        }
        if (subject != null && (subject.isEmpty() || subject.length() > 100)) {
            throw new IllegalArgumentException("Subject must be 1 to 100 characters");
        }
        String messageId = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(clock.instant());
        for (TopicSpec.Subscription s : t.subscriptions()) {
            String event = event(t, s, messageId, timestamp, message, subject, attributes);
            inFlight.incrementAndGet();
            try {
                threads.execute(() -> deliver(s, event));
            } catch (RejectedExecutionException closing) {
                inFlight.decrementAndGet();
            }
        }
        return messageId;
    }

    /**
     * Waits until every delivery published so far has ended (retries included).
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(inFlight.get() + " SNS deliveries still running after " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for SNS deliveries", e);
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(TopicSpec.Subscription s, String event) {
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    invoker.invoke(s.functionId(), event);
                    return;
                } catch (Invoker.FunctionError | RuntimeException e) {
                    boolean retry = attempt < options.retryDelays().size();
                    System.err.println("[sns] " + s.source() + " failed (attempt " + (attempt + 1) + "): "
                            + e.getMessage() + (retry ? "; retrying" : "; giving up"));
                    if (!retry) {
                        return;
                    }
                    Thread.sleep(options.retryDelays().get(attempt));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The SNSEvent SNS sends a function: one record, signed as SNS signs it (here with no real key). */
    private String event(TopicSpec t, TopicSpec.Subscription s, String messageId, String timestamp, String message,
                         String subject, Map<String, LocalQueues.Attribute> attributes) {
        String host = "https://sns." + options.region() + ".amazonaws.com";
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", s.arn());
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", t.arn());
        if (subject == null) {
            sns.putNull("Subject");
        } else {
            sns.put("Subject", subject);
        }
        sns.put("Message", message);
        sns.put("Timestamp", timestamp);
        sns.put("SignatureVersion", "1");
        sns.put("Signature", signature(messageId + "\n" + message + "\n" + timestamp));
        sns.put("SigningCertUrl", host + "/SimpleNotificationService-local.pem");
        sns.put("UnsubscribeUrl", host + "/?Action=Unsubscribe&SubscriptionArn=" + s.arn());
        ObjectNode attrs = sns.putObject("MessageAttributes");
        attributes.forEach((name, a) -> attrs.putObject(name).put("Type", a.dataType()).put("Value",
                a.stringValue() != null ? a.stringValue() : Base64.getEncoder().encodeToString(a.binaryValue())));
        return Json.write(event);
    }

    /** Shaped like SNS's (base64 of a digest), but no certificate verifies it: nothing checks it locally. */
    private static String signature(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
