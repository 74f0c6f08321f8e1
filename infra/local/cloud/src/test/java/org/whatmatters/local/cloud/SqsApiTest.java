package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** The local SQS API through the SDK's own SqsClient, which checks every MD5 it is sent back. */
class SqsApiTest {

    private HttpServer server;
    private LocalQueues queues;
    private SqsClient sqs;
    private String work;
    private String dead;

    private static String arn(String name) {
        return "arn:aws:sqs:eu-west-2:000000000000:" + name;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + SqsApi.PATH;
        queues = new LocalQueues(List.of(
                QueueSpec.of("Work", arn("Work")).withRedrive(new QueueSpec.Redrive(arn("Dead"), 2)),
                QueueSpec.of("Dead", arn("Dead")).withRetentionSeconds(1_209_600),
                QueueSpec.of("Slow", arn("Slow")).withDelaySeconds(60),
                QueueSpec.of("Brief", arn("Brief")).withRetentionSeconds(60),
                QueueSpec.of("Plain", arn("Plain"))), endpoint, Clock.systemUTC());
        server.createContext(SqsApi.PATH, new SqsApi(queues));
        server.start();
        sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        work = sqs.getQueueUrl(r -> r.queueName("Work")).queueUrl();
        dead = queues.url("Dead");
    }

    @AfterEach
    void stop() {
        sqs.close();
        queues.close();
        server.stop(0);
    }

    private List<Message> receive(String url, int max) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(max).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private Map<String, String> counts(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    private static MessageAttributeValue text(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    @Test
    void theDigestOfMessageAttributesIsSqsDocumentedOne() {
        assertEquals("19e27d4e946b072f3f58da80d94fd778", LocalQueues.md5OfAttributes(Map.of("attribName1",
                LocalQueues.Attribute.string("attribValue 1"))));
        assertEquals("9fe1b90bbd9965bdf77bac517c7d2495", LocalQueues.md5OfAttributes(Map.of("customNumberTypeAttrib",
                new LocalQueues.Attribute("Number.float", "4563442423554324324264524243.32543234", null))));
        assertEquals("31a92b15d92f8db860eda32aceb656c3", LocalQueues.md5OfAttributes(Map.of("binaryAttribute",
                new LocalQueues.Attribute("Binary", null, "Hello binary world!".getBytes()))));
        assertEquals("098f6bcd4621d373cade4e832627b4f6", LocalQueues.md5OfBody("test"));
    }

    @Test
    void aMessageIsSentReceivedAndDeletedWithItsAttributesAndTheirDigests() {
        Map<String, MessageAttributeValue> attributes = Map.of("kind", text("String", "late"),
                "minutes", text("Number.int", "25"),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("\u00e9")).build());
        // The SDK would throw here if either digest it got back were not SQS's.
        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(work).messageBody("Rosa's visit is late \u2615")
                .messageAttributes(attributes));
        assertEquals(LocalQueues.md5OfBody("Rosa's visit is late \u2615"), sent.md5OfMessageBody());

        List<Message> got = receive(work, 10);
        assertEquals(1, got.size());
        Message m = got.getFirst();
        assertEquals(sent.messageId(), m.messageId());
        assertEquals("Rosa's visit is late \u2615", m.body());
        assertEquals(attributes, m.messageAttributes());
        assertEquals("1", m.attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals("AKIDLOCAL", m.attributesAsStrings().get("SenderId"), "the access key the request was signed with");
        long sentAt = Long.parseLong(m.attributesAsStrings().get("SentTimestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() - sentAt) < 5_000);
        assertEquals(Map.of("ApproximateNumberOfMessages", "0", "ApproximateNumberOfMessagesNotVisible", "1"),
                Map.of("ApproximateNumberOfMessages", counts(work).get("ApproximateNumberOfMessages"),
                        "ApproximateNumberOfMessagesNotVisible", counts(work).get("ApproximateNumberOfMessagesNotVisible")));

        sqs.deleteMessage(r -> r.queueUrl(work).receiptHandle(m.receiptHandle()));
        assertEquals(new LocalQueues.Counts(0, 0, 0), queues.counts("Work"));
    }

    @Test
    void onlyTheAttributesAskedForComeBackAndTheirDigestIsOfThose() {
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("x").messageAttributes(Map.of(
                "trace.id", text("String", "t-1"), "trace.span", text("String", "s-1"), "kind", text("String", "k"))));
        Message m = sqs.receiveMessage(r -> r.queueUrl(work).messageAttributeNames("trace.*")).messages().getFirst();
        assertEquals(List.of("trace.id", "trace.span"), m.messageAttributes().keySet().stream().sorted().toList());
        assertEquals(Map.of(), m.attributesAsStrings(), "no system attributes unless asked");
    }

    @Test
    void aBatchIsSentEntryByEntryWithEachDigestAndABadEntryFailsAlone() {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + n).messageBody("body " + n)
                    .messageAttributes(Map.of("n", text("Number", String.valueOf(n)))).build());
        }
        entries.add(SendMessageBatchRequestEntry.builder().id("late").messageBody("too late").delaySeconds(901).build());
        SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(work).entries(entries));

        assertEquals(List.of("m0", "m1", "m2"), r.successful().stream().map(e -> e.id()).toList());
        assertEquals(1, r.failed().size());
        assertEquals("late", r.failed().getFirst().id());
        assertEquals("InvalidParameterValue", r.failed().getFirst().code());
        assertTrue(r.failed().getFirst().senderFault());
        assertEquals(List.of("body 0", "body 1", "body 2"), receive(work, 10).stream().map(Message::body).toList());
    }

    @Test
    void aBatchIsRefusedWholeWhenItIsEmptyTooBigOrRepeatsAnId() {
        SendMessageBatchRequestEntry e = SendMessageBatchRequestEntry.builder().id("same").messageBody("x").build();
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(work)
                .entries(e, e)));
        List<SendMessageBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("x").build());
        }
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(work)
                .entries(eleven)));
        assertThrows(EmptyBatchRequestException.class, () -> sqs.sendMessageBatch(b -> b.queueUrl(work)
                .entries(List.of())));
        assertEquals(0, queues.counts("Work").total());
    }

    @Test
    void aDelayedMessageIsCountedAsDelayedUntilItsDelayHasPassed() {
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("in 15 minutes").delaySeconds(900));
        sqs.sendMessage(r -> r.queueUrl(queues.url("Slow")).messageBody("the queue's own delay"));
        assertEquals(List.of(), receive(work, 10));
        assertEquals("1", counts(work).get("ApproximateNumberOfMessagesDelayed"));
        assertEquals(new LocalQueues.Counts(0, 0, 1), queues.counts("Slow"));

        queues.passTime(Duration.ofSeconds(60));
        assertEquals(List.of(), receive(work, 10), "still 14 minutes to go");
        assertEquals("the queue's own delay", receive(queues.url("Slow"), 10).getFirst().body());

        queues.passTime(Duration.ofSeconds(840));
        assertEquals("in 15 minutes", receive(work, 10).getFirst().body());
    }

    @Test
    void aReceivedMessageComesAgainAfterItsVisibilityTimeoutWithANewHandle() {
        String plain = queues.url("Plain");
        sqs.sendMessage(r -> r.queueUrl(plain).messageBody("once"));
        Message first = receive(plain, 1).getFirst();
        assertEquals(List.of(), receive(plain, 1), "invisible for the queue's 30 seconds");
        queues.passTime(Duration.ofSeconds(29));
        assertEquals(List.of(), receive(plain, 1));
        queues.passTime(Duration.ofSeconds(1));
        Message second = receive(plain, 1).getFirst();
        assertEquals(first.messageId(), second.messageId());
        assertEquals("2", second.attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals(first.attributesAsStrings().get("ApproximateFirstReceiveTimestamp"),
                second.attributesAsStrings().get("ApproximateFirstReceiveTimestamp"));
        assertNotEquals(first.receiptHandle(), second.receiptHandle());

        // The first handle is stale: SQS answers OK but deletes nothing.
        sqs.deleteMessage(r -> r.queueUrl(plain).receiptHandle(first.receiptHandle()));
        assertEquals(new LocalQueues.Counts(0, 1, 0), queues.counts("Plain"));
        sqs.changeMessageVisibility(r -> r.queueUrl(plain).receiptHandle(second.receiptHandle()).visibilityTimeout(0));
        Message third = receive(plain, 1).getFirst();
        sqs.deleteMessage(r -> r.queueUrl(plain).receiptHandle(third.receiptHandle()));
        assertEquals(0, queues.counts("Plain").total());
        assertThrows(MessageNotInflightException.class, () -> sqs.changeMessageVisibility(r -> r.queueUrl(plain)
                .receiptHandle(third.receiptHandle()).visibilityTimeout(10)));
        assertThrows(ReceiptHandleIsInvalidException.class, () -> sqs.deleteMessage(r -> r.queueUrl(plain)
                .receiptHandle("not-a-handle")));
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesGoesToTheDeadLetterQueueOnTheNextReceive() {
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("poison").messageAttributes(Map.of("k", text("String", "v"))));
        for (int i = 1; i <= 2; i++) {
            assertEquals(String.valueOf(i), receive(work, 1).getFirst().attributesAsStrings().get("ApproximateReceiveCount"));
            queues.passTime(Duration.ofSeconds(30));
        }
        assertEquals(List.of(), receive(work, 10), "received twice (maxReceiveCount 2): redriven instead");
        assertEquals(0, queues.counts("Work").total());

        Message m = receive(dead, 10).getFirst();
        assertEquals("poison", m.body());
        assertEquals(Map.of("k", text("String", "v")), m.messageAttributes());
        assertEquals(arn("Work"), m.attributesAsStrings().get("DeadLetterQueueSourceArn"));
        assertEquals("{\"deadLetterTargetArn\":\"" + arn("Dead") + "\",\"maxReceiveCount\":2}",
                counts(work).get("RedrivePolicy"));
        assertEquals(arn("Work"), counts(work).get("QueueArn"));
    }

    @Test
    void messagesOlderThanTheRetentionPeriodAreGone() {
        sqs.sendMessage(r -> r.queueUrl(queues.url("Brief")).messageBody("short-lived"));
        queues.passTime(Duration.ofSeconds(59));
        assertEquals(1, queues.counts("Brief").visible());
        queues.passTime(Duration.ofSeconds(1));
        assertEquals(0, queues.counts("Brief").total());
    }

    @Test
    void theQueueUrlNamesTheQueueWhateverItsHostAndTheSdkKeepsItsEndpoint() {
        // Were the SDK to send to the URL's host, this would leave the machine and fail.
        sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-2.amazonaws.com/000000000000/Work").messageBody("x"));
        assertEquals(1, queues.counts("Work").visible());
        assertTrue(work.endsWith(SqsApi.PATH + "/000000000000/Work"), work);
    }

    @Test
    void anUnknownQueueIsSqsNonExistentQueueError() {
        QueueDoesNotExistException e = assertThrows(QueueDoesNotExistException.class,
                () -> sqs.getQueueUrl(r -> r.queueName("Nope")));
        assertEquals("AWS.SimpleQueueService.NonExistentQueue", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        assertThrows(QueueDoesNotExistException.class, () -> sqs.sendMessage(r -> r.queueUrl(work.replace("Work", "Nope"))
                .messageBody("x")));
    }

    @Test
    void messagesSqsWouldRefuseAreRefused() {
        assertThrows(InvalidMessageContentsException.class, () -> sqs.sendMessage(r -> r.queueUrl(work)
                .messageBody("nul \u0000 inside")));
        Map<String, MessageAttributeValue> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, text("String", "v"));
        }
        SqsException tooMany = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(work)
                .messageBody("x").messageAttributes(eleven)));
        assertEquals("InvalidParameterValue", tooMany.awsErrorDetails().errorCode());
        SqsException big = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(work)
                .messageBody("x".repeat(QueueSpec.MAX_MESSAGE_SIZE + 1))));
        assertEquals("InvalidParameterValue", big.awsErrorDetails().errorCode());
        assertEquals(0, queues.counts("Work").total());
    }

    @Test
    void aLongPollReturnsAsSoonAsAMessageArrives() throws Exception {
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() -> sqs.receiveMessage(r -> r
                .queueUrl(work).waitTimeSeconds(10)).messages(), Executors.newVirtualThreadPerTaskExecutor());
        Thread.sleep(200);
        long sent = System.nanoTime();
        sqs.sendMessage(r -> r.queueUrl(work).messageBody("now"));
        List<Message> got = poll.get(5, TimeUnit.SECONDS);
        assertEquals("now", got.getFirst().body());
        assertTrue(System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(1), "woken by the send, not the 10 s wait");
    }

    @Test
    void aQueueIsPurgedOnceAMinute() {
        for (int i = 0; i < 3; i++) {
            sqs.sendMessage(r -> r.queueUrl(work).messageBody("x"));
        }
        sqs.purgeQueue(r -> r.queueUrl(work));
        assertEquals(0, queues.counts("Work").total());
        PurgeQueueInProgressException e = assertThrows(PurgeQueueInProgressException.class,
                () -> sqs.purgeQueue(r -> r.queueUrl(work)));
        assertEquals(403, e.statusCode());
        queues.passTime(Duration.ofSeconds(60));
        sqs.purgeQueue(r -> r.queueUrl(work));
        assertArrayEquals(new String[]{dead}, sqs.listQueues(r -> r.queueNamePrefix("De")).queueUrls().toArray());
    }
}
