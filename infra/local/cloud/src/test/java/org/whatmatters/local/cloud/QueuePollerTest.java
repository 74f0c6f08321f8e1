package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

class QueuePollerTest {

    private static final String WORK_ARN = "arn:aws:sqs:eu-west-2:000000000000:Work";
    private static final Duration IDLE = Duration.ofSeconds(10);

    private final LocalQueues queues = new LocalQueues(List.of(
            QueueSpec.of("Work", WORK_ARN).withRedrive(new QueueSpec.Redrive("arn:aws:sqs:eu-west-2:000000000000:Dead", 3)),
            QueueSpec.of("Dead", "arn:aws:sqs:eu-west-2:000000000000:Dead")), "http://127.0.0.1:1/_aws/sqs",
            Clock.systemUTC());
    /** Every invocation's event and when it began, in the order the function saw them. */
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
    /** What the function answers for the n-th invocation (0-based) and its event; null to throw. */
    private BiFunction<Integer, JsonNode, String> behaviour = (n, event) -> "null";
    private QueuePoller poller;

    private record Invocation(JsonNode event, long atNanos) {
        List<String> bodies() {
            List<String> out = new ArrayList<>();
            event.get("Records").forEach(r -> out.add(r.get("body").asText()));
            return out;
        }

        String id(String body) {
            for (JsonNode r : event.get("Records")) {
                if (r.get("body").asText().equals(body)) {
                    return r.get("messageId").asText();
                }
            }
            throw new AssertionError("no " + body + " in " + event);
        }
    }

    private final Invoker invoker = (functionId, payload) -> {
        JsonNode event = Json.read(payload, JsonNode.class);
        int n;
        synchronized (invocations) {
            n = invocations.size();
            invocations.add(new Invocation(event, System.nanoTime()));
        }
        String result = behaviour.apply(n, event);
        if (result == null) {
            throw new Invoker.FunctionError("RuntimeException", "failing on purpose", null);
        }
        return result;
    };

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        queues.close();
    }

    private QueuePoller start(EventSource.SqsQueue source) {
        poller = QueuePoller.start(queues, invoker, List.of(new QueuePoller.Binding("NotifyFunction", source, "Work")),
                new QueuePoller.Options(5, "eu-west-2"));
        return poller;
    }

    private static EventSource.SqsQueue source(int batchSize, int window, boolean reportFailures) {
        return new EventSource.SqsQueue("Queue", WORK_ARN, batchSize, window, reportFailures);
    }

    private LocalQueues.Sent send(String body) {
        return queues.send("Work", body, null, Map.of(), Map.of(), "AIDALOCAL");
    }

    private List<String> allBodies() {
        List<String> out = new ArrayList<>();
        invocations.forEach(i -> out.addAll(i.bodies()));
        return out;
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theEventIsTheSqsEventLambdaSendsAndASucceededMessageIsDeleted() throws Exception {
        LocalQueues.Sent sent = queues.send("Work", "{\"visitId\":\"v-1\"}", null, Map.of(
                "kind", LocalQueues.Attribute.string("late"),
                "blob", new LocalQueues.Attribute("Binary", null, new byte[]{1, 2, 3})), Map.of(), "AIDALOCAL");
        start(source(10, 0, true)).awaitIdle(IDLE);

        assertEquals(1, invocations.size());
        JsonNode r = invocations.getFirst().event().get("Records").get(0);
        assertEquals(List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                "md5OfMessageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion"), names(r));
        assertEquals(sent.messageId(), r.get("messageId").asText());
        assertEquals("{\"visitId\":\"v-1\"}", r.get("body").asText());
        assertEquals(List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"),
                names(r.get("attributes")));
        assertEquals("1", r.at("/attributes/ApproximateReceiveCount").asText());
        assertEquals("AIDALOCAL", r.at("/attributes/SenderId").asText());
        assertEquals(Json.read("{\"stringValue\":\"late\",\"stringListValues\":[],\"binaryListValues\":[],"
                + "\"dataType\":\"String\"}", JsonNode.class), r.at("/messageAttributes/kind"));
        assertEquals("AQID", r.at("/messageAttributes/blob/binaryValue").asText());
        assertEquals(sent.md5OfAttributes(), r.get("md5OfMessageAttributes").asText());
        assertEquals(sent.md5OfBody(), r.get("md5OfBody").asText());
        assertEquals("aws:sqs", r.get("eventSource").asText());
        assertEquals(WORK_ARN, r.get("eventSourceARN").asText());
        assertEquals("eu-west-2", r.get("awsRegion").asText());

        // And it reads as the SQSEvent a handler takes, through Lambda's own serialiser.
        SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(invocations.getFirst().event().toString()
                        .getBytes(StandardCharsets.UTF_8)));
        SQSEvent.SQSMessage m = event.getRecords().getFirst();
        assertEquals(WORK_ARN, m.getEventSourceArn());
        assertEquals("late", m.getMessageAttributes().get("kind").getStringValue());
        assertEquals(3, m.getMessageAttributes().get("blob").getBinaryValue().remaining());
        assertEquals(0, queues.counts("Work").total(), "deleted once the function succeeded");
    }

    @Test
    void batchesHoldAtMostBatchSizeAndEachMessageArrivesOnce() {
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            sent.add(send("m" + i).messageId());
        }
        start(source(4, 0, false)).awaitIdle(IDLE);

        invocations.forEach(i -> assertTrue(i.bodies().size() <= 4, i.bodies().toString()));
        Set<String> ids = new HashSet<>();
        invocations.forEach(i -> i.event().get("Records").forEach(r -> assertTrue(ids.add(r.get("messageId").asText()))));
        assertEquals(sent, ids);
        assertEquals(0, queues.counts("Work").total());
        assertEquals(23, poller.stats().messagesDeleted());
    }

    @Test
    void aSentMessageIsTakenAtOnceAndAFullBatchDoesNotWaitForTheWindow() throws Exception {
        start(source(3, 0, false));
        long sent = System.nanoTime();
        send("now");
        poller.awaitIdle(IDLE);
        assertTrue(invocations.getFirst().atNanos() - sent < TimeUnit.MILLISECONDS.toNanos(300),
                "no polling interval to wait out");
        poller.close();

        invocations.clear();
        start(source(3, 2, false));
        long full = System.nanoTime();
        send("a");
        send("b");
        send("c");
        poller.awaitIdle(IDLE);
        assertEquals(List.of(List.of("a", "b", "c")), invocations.stream().map(Invocation::bodies).toList());
        assertTrue(invocations.getFirst().atNanos() - full < TimeUnit.MILLISECONDS.toNanos(1_000),
                "a full batch goes before its 2 s window ends");
    }

    @Test
    void aBatchThatIsNotFullWaitsOutTheBatchingWindowForMore() throws Exception {
        start(source(10, 1, false));
        long first = System.nanoTime();
        send("a");
        Thread.sleep(300);
        send("b");
        poller.awaitIdle(IDLE);
        assertEquals(List.of(List.of("a", "b")), invocations.stream().map(Invocation::bodies).toList());
        long waited = invocations.getFirst().atNanos() - first;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(950) && waited < TimeUnit.MILLISECONDS.toNanos(1_800),
                "the 1 s window from the first message: " + waited / 1_000_000 + " ms");
    }

    @Test
    void reportedFailuresComeAgainAfterTheVisibilityTimeoutAndTheRestAreDeleted() {
        behaviour = (n, event) -> n == 0
                ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"%s\"},{\"itemIdentifier\":\"%s\"}]}".formatted(
                        invocations.get(0).id("b"), invocations.get(0).id("d"))
                : "{\"batchItemFailures\":[]}";
        for (String body : List.of("a", "b", "c", "d", "e")) {
            send(body);
        }
        start(source(10, 0, true)).awaitIdle(IDLE);
        assertEquals(List.of(List.of("a", "b", "c", "d", "e")), invocations.stream().map(Invocation::bodies).toList());
        assertEquals(new LocalQueues.Counts(0, 2, 0), queues.counts("Work"), "b and d wait out the visibility timeout");

        queues.passTime(Duration.ofSeconds(29));
        poller.awaitIdle(IDLE);
        assertEquals(1, invocations.size());
        queues.passTime(Duration.ofSeconds(1));
        poller.awaitIdle(IDLE);
        assertEquals(List.of("b", "d"), invocations.get(1).bodies());
        invocations.get(1).event().get("Records").forEach(r ->
                assertEquals("2", r.at("/attributes/ApproximateReceiveCount").asText()));
        assertEquals(0, queues.counts("Work").total());
        assertEquals(new QueuePoller.Stats(2, 1, 5), poller.stats());
    }

    @Test
    void aFailingFunctionKeepsTheWholeBatchUntilMaxReceiveCountSendsItToTheDeadLetterQueue() {
        behaviour = (n, event) -> null;
        send("poison");
        start(source(10, 0, true)).awaitIdle(IDLE);
        for (int i = 0; i < 3; i++) {
            queues.passTime(Duration.ofSeconds(30));
            poller.awaitIdle(IDLE);
        }
        assertEquals(List.of(List.of("poison"), List.of("poison"), List.of("poison")),
                invocations.stream().map(Invocation::bodies).toList(), "received 3 times (maxReceiveCount), then redriven");
        assertEquals(0, queues.counts("Work").total());
        assertEquals(1, queues.counts("Dead").visible());
        LocalQueues.Received dead = queues.receive("Dead", 10, null, Duration.ZERO).getFirst();
        assertEquals("poison", dead.body());
        assertEquals(WORK_ARN, dead.systemAttributes().get("DeadLetterQueueSourceArn"));
    }

    @Test
    void aMalformedResponseOrAnUnknownItemIdentifierFailsTheWholeBatch() {
        behaviour = (n, event) -> switch (n) {
            case 0 -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-message\"}]}";
            case 1 -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}";
            default -> "{}";
        };
        send("a");
        send("b");
        start(source(10, 0, true)).awaitIdle(IDLE);
        assertEquals(new LocalQueues.Counts(0, 2, 0), queues.counts("Work"));
        queues.passTime(Duration.ofSeconds(30));
        poller.awaitIdle(IDLE);
        assertEquals(new LocalQueues.Counts(0, 2, 0), queues.counts("Work"));
        queues.passTime(Duration.ofSeconds(30));
        poller.awaitIdle(IDLE);
        assertEquals(3, invocations.size());
        assertEquals(0, queues.counts("Work").total(), "an empty response is a success");
    }

    @Test
    void batchItemFailuresAreIgnoredUnlessTheMappingReportsThem() {
        behaviour = (n, event) -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"%s\"}]}".formatted(
                event.at("/Records/0/messageId").asText());
        send("a");
        start(source(10, 0, false)).awaitIdle(IDLE);
        assertEquals(0, queues.counts("Work").total());
    }

    @Test
    void batchesRunSideBySideUpToTheMaximumConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        behaviour = (n, event) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return "{}";
        };
        for (int i = 0; i < 8; i++) {
            send("m" + i);
        }
        start(new EventSource.SqsQueue("Queue", WORK_ARN, 1, 0, false, true, 2)).awaitIdle(IDLE);
        assertEquals(8, invocations.size());
        assertEquals(2, most.get(), "ScalingConfig.MaximumConcurrency 2");
    }

    @Test
    void aDisabledMappingDoesNotPoll() throws Exception {
        send("a");
        start(new EventSource.SqsQueue("Queue", WORK_ARN, 10, 0, false, false, 0)).awaitIdle(IDLE);
        Thread.sleep(100);
        assertEquals(List.of(), allBodies());
        assertEquals(1, queues.counts("Work").visible());
    }
}
