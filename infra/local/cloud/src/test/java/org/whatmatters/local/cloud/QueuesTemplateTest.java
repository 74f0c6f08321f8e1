package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A template with queues, a dead-letter queue, topics and a stream source with an on-failure queue;
 * its test handlers log what they receive to LogTable. Visibility timeouts are skipped with
 * {@link LocalQueues#passTime}, so nothing here waits for one.
 */
class QueuesTemplateTest {

    private static final Duration IDLE = Duration.ofSeconds(15);
    private static LocalCloud cloud;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(QueuesTemplateTest.class.getResource("/templates/queues.yaml").toURI());
        cloud = LocalCloud.start(Options.ephemeral(template).withDemo(false));
        Map<String, String> env = cloud.functions().environment("SenderFunction");
        sqs = SqsClient.builder().endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_SQS")))
                .region(Region.of(env.get("AWS_REGION"))).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")))).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        cloud.close();
    }

    private static Optional<Map<String, AttributeValue>> logged(String id) {
        Map<String, AttributeValue> item = cloud.dynamo().client().getItem(g -> g.tableName(cloud.table("LogTable"))
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static void settle() {
        cloud.queuePoller().awaitIdle(IDLE);
    }

    @Test
    void queuesAndTopicsAreEmulatedAndTheirReferencesResolveToTheLocalOnes() {
        assertEquals(Map.of(), cloud.stack().unsupported());
        assertTrue(cloud.stack().inertLocally().get("AlarmEmail").contains("no e-mail"),
                cloud.stack().inertLocally().toString());
        Map<String, String> env = cloud.functions().environment("SenderFunction");
        assertEquals(cloud.queues().url("NotificationQueue"), env.get("NOTIFICATION_QUEUE_URL"), "!Ref is the URL");
        assertTrue(env.get("NOTIFICATION_QUEUE_URL").startsWith(env.get("AWS_ENDPOINT_URL_SQS") + "/000000000000/"));
        QueueSpec q = cloud.queues().spec("NotificationQueue");
        assertEquals(120, q.visibilityTimeout());
        assertEquals(new QueueSpec.Redrive("arn:aws:sqs:eu-west-2:000000000000:NotificationDeadLetters", 2), q.redrive());
        assertEquals("arn:aws:sqs:eu-west-2:000000000000:stream-failures", cloud.queues().spec("stream-failures").arn(),
                "a QueueName is the queue's name");
        String described = cloud.describe();
        assertTrue(described.contains("queue source  NotificationQueue -> NotifyFunction (batch 10, window 1 s, "
                + "partial batch failures)"), described);
        assertTrue(described.contains("topic         FeedbackTopic -> [FeedbackFunction]"), described);
        assertTrue(described.contains("stream        " + cloud.table("EventsTable")
                + " -> FanOutFunction (batch 100, on failure to stream-failures)"), described);
        assertTrue(described.contains("NotificationQueue (visibility 120 s, to NotificationDeadLetters after 2 receives)"),
                described);
    }

    @Test
    void whatAFunctionSendsReachesTheQueuesFunctionAndAReportedFailureComesAgain() throws Exception {
        String result = cloud.functions().invoke("SenderFunction", "{\"bodies\":[\"hello\",\"fail-once\"]}");
        assertEquals(Json.read("{\"sent\":2,\"failed\":0}", JsonNode.class), Json.read(result, JsonNode.class));
        settle();
        assertEquals("count=1 source=aws:sqs arn=arn:aws:sqs:eu-west-2:000000000000:NotificationQueue kind=notification",
                logged("sqs:hello").orElseThrow().get("value").s());
        assertTrue(logged("sqs:fail-once").isEmpty());
        assertEquals(new LocalQueues.Counts(0, 1, 0), cloud.queues().counts("NotificationQueue"));

        cloud.queues().passTime(Duration.ofSeconds(120));
        settle();
        assertTrue(logged("sqs:fail-once").orElseThrow().get("value").s().startsWith("count=2 "));
        assertEquals("1", logged("sqs:hello").orElseThrow().get("hits").n(), "the succeeded one was deleted, not redelivered");
        assertEquals(0, cloud.queues().counts("NotificationQueue").total());
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue() {
        String url = cloud.functions().environment("SenderFunction").get("NOTIFICATION_QUEUE_URL");
        String id = sqs.sendMessage(r -> r.queueUrl(url).messageBody("fail-always")).messageId();
        settle();
        for (int i = 0; i < 2; i++) {
            cloud.queues().passTime(Duration.ofSeconds(120));
            settle();
        }
        assertEquals(0, cloud.queues().counts("NotificationQueue").total());
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(cloud.queues().url("NotificationDeadLetters"))
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals(1, dead.size());
        assertEquals(id, dead.getFirst().messageId());
        assertEquals("fail-always", dead.getFirst().body());
        assertEquals(cloud.queues().spec("NotificationQueue").arn(),
                dead.getFirst().attributesAsStrings().get("DeadLetterQueueSourceArn"));
    }

    @Test
    void aPublishReachesTheSubscribedFunctionAsAnSnsEvent() throws Exception {
        String id = cloud.publish("FeedbackTopic", "bounce", "Delivery", Map.of("kind", LocalQueues.Attribute.string("Bounce")));
        cloud.topics().awaitIdle(IDLE);
        String value = logged("sns:bounce").orElseThrow().get("value").s();
        String topic = "arn:aws:sns:eu-west-2:000000000000:FeedbackTopic";
        assertTrue(value.startsWith("type=Notification subject=Delivery topic=" + topic + " source=aws:sns subscription="
                + topic + ":"), value);
        assertTrue(value.endsWith(" kind=String:Bounce"), value);
        assertFalse(id.isBlank());

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                cloud.localEndpoint() + "/_local/topics/FeedbackTopic/publish?subject=From%20curl"))
                .POST(HttpRequest.BodyPublishers.ofString("complaint")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        cloud.topics().awaitIdle(IDLE);
        assertTrue(logged("sns:complaint").orElseThrow().get("value").s().contains("subject=From curl"));
    }

    @Test
    void aStreamBatchGivenUpOnLandsInItsOnFailureQueue() throws Exception {
        cloud.dynamo().client().putItem(p -> p.tableName(cloud.table("EventsTable"))
                .item(Map.of("id", AttributeValue.fromS("e1"))));
        String table = cloud.table("EventsTable");
        String streamArn = cloud.dynamo().client().describeTable(d -> d.tableName(table)).table().latestStreamArn();
        long deadline = System.nanoTime() + IDLE.toNanos();
        List<Message> failures = List.of();
        while (failures.isEmpty() && System.nanoTime() < deadline) {
            failures = sqs.receiveMessage(r -> r.queueUrl(cloud.queues().url("stream-failures")).waitTimeSeconds(1))
                    .messages();
        }
        assertEquals(1, failures.size());
        JsonNode record = Json.read(failures.getFirst().body(), JsonNode.class);
        assertEquals("RetryAttemptsExhausted", record.at("/requestContext/condition").asText());
        assertEquals("arn:aws:lambda:eu-west-2:000000000000:function:FanOutFunction",
                record.at("/requestContext/functionArn").asText());
        assertEquals(2, record.at("/requestContext/approximateInvokeCount").asInt(), "MaximumRetryAttempts 1");
        assertEquals("Unhandled", record.at("/responseContext/functionError").asText());
        assertEquals(1, record.at("/DDBStreamBatchInfo/batchSize").asInt());
        assertEquals(streamArn, record.at("/DDBStreamBatchInfo/streamArn").asText());
        assertEquals(record.at("/DDBStreamBatchInfo/startSequenceNumber"), record.at("/DDBStreamBatchInfo/endSequenceNumber"));
    }

    @Test
    void theQueuesPageListsEachQueueWithItsCounts() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                cloud.localEndpoint() + "/_local/queues")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        JsonNode queues = Json.read(page.body(), JsonNode.class);
        assertEquals(List.of("NotificationQueue", "NotificationDeadLetters", "stream-failures"),
                queues.findValuesAsText("name"));
        assertEquals(2, queues.get(0).get("maxReceiveCount").asInt());
        assertEquals(cloud.queues().url("NotificationQueue"), queues.get(0).get("url").asText());
    }
}
