package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamPollerTest {

    private static final StreamPoller.Options FAST = new StreamPoller.Options(Duration.ofMillis(20),
            Duration.ofMillis(200), Duration.ofMillis(10), "eu-west-2");
    private static final Duration IDLE = Duration.ofSeconds(10);

    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    private final String table = TestCloud.freshTable();
    /** Every invocation's event, in the order the function saw them. */
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
    /** What the function does with the n-th invocation (0-based) and its event: a result, or null to throw. */
    private BiFunction<Integer, JsonNode, String> behaviour = (n, event) -> "null";
    private StreamPoller poller;

    private record Invocation(String functionId, JsonNode event) {
        List<String> sks() {
            List<String> out = new ArrayList<>();
            event.get("Records").forEach(r -> out.add(r.get("dynamodb").get("Keys").get("SK").get("S").asText()));
            return out;
        }

        String sequence(int i) {
            return event.get("Records").get(i).get("dynamodb").get("SequenceNumber").asText();
        }
    }

    private final Invoker invoker = (functionId, payload) -> {
        JsonNode event = json(payload);
        int n;
        synchronized (invocations) {
            n = invocations.size();
            invocations.add(new Invocation(functionId, event));
        }
        String result = behaviour.apply(n, event);
        if (result == null) {
            throw new Invoker.FunctionError("RuntimeException", "failing on purpose", null);
        }
        return result;
    };

    @BeforeAll
    static void clients() {
        dynamo = TestCloud.dynamo();
        streams = DynamoDbStreamsClient.builder().endpointOverride(TestCloud.dynamoEndpoint())
                .region(LocalDynamo.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void closeClients() {
        streams.close();
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
    }

    private StreamPoller start(int batchSize, String position, boolean reportFailures, int maxRetries) {
        var source = new EventSource.DynamoStream("Stream", "DataTable", batchSize, position, reportFailures, maxRetries);
        poller = StreamPoller.start(dynamo, streams, invoker,
                List.of(new StreamPoller.Binding("ProjectorFunction", source, table)), FAST);
        return poller;
    }

    private void put(String sk, Map<String, AttributeValue> more) {
        var item = new java.util.HashMap<>(more);
        item.put("PK", s("P"));
        item.put("SK", s(sk));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private void put(String sk) {
        put(sk, Map.of());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private List<String> allSks() {
        List<String> out = new ArrayList<>();
        invocations.forEach(i -> out.addAll(i.sks()));
        return out;
    }

    @Test
    void insertModifyAndRemoveArriveInOrderAsLambdaSendsThem() {
        start(100, "TRIM_HORIZON", false, -1);
        put("1", Map.of("s", s("x"), "n", AttributeValue.fromN("1.5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})),
                "bool", AttributeValue.fromBool(true), "nul", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("a")), "ns", AttributeValue.fromNs(List.of("7")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))),
                "m", AttributeValue.fromM(Map.of("k", s("v"))),
                "l", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromN("2"), AttributeValue.fromL(List.of())))));
        dynamo.updateItem(r -> r.tableName(table).key(Map.of("PK", s("P"), "SK", s("1")))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("2"))));
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of("PK", s("P"), "SK", s("1"))));
        poller.awaitIdle(IDLE);

        List<JsonNode> records = new ArrayList<>();
        invocations.forEach(i -> i.event().get("Records").forEach(records::add));
        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), records.stream().map(r -> r.get("eventName").asText()).toList());
        String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        BigInteger previous = BigInteger.valueOf(-1);
        for (JsonNode r : records) {
            assertEquals(List.of("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb",
                    "eventSourceARN"), names(r));
            assertEquals("1.1", r.get("eventVersion").asText());
            assertEquals("aws:dynamodb", r.get("eventSource").asText());
            assertEquals("eu-west-2", r.get("awsRegion").asText());
            assertEquals(streamArn, r.get("eventSourceARN").asText());
            JsonNode d = r.get("dynamodb");
            assertTrue(d.get("ApproximateCreationDateTime").isIntegralNumber(), d.toString());
            assertEquals(json("{\"PK\":{\"S\":\"P\"},\"SK\":{\"S\":\"1\"}}"), d.get("Keys"));
            assertEquals("NEW_AND_OLD_IMAGES", d.get("StreamViewType").asText());
            assertTrue(d.get("SizeBytes").isIntegralNumber());
            BigInteger sequence = new BigInteger(d.get("SequenceNumber").asText());
            assertTrue(sequence.compareTo(previous) > 0, "sequence numbers increase");
            previous = sequence;
        }
        JsonNode inserted = records.get(0).get("dynamodb");
        assertFalse(inserted.has("OldImage"));
        JsonNode image = inserted.get("NewImage");
        assertEquals(json("{\"S\":\"x\"}"), image.get("s"));
        assertEquals(json("{\"N\":\"1.5\"}"), image.get("n"));
        assertEquals(json("{\"B\":\"AQID\"}"), image.get("b"));
        assertEquals(json("{\"BOOL\":true}"), image.get("bool"));
        assertEquals(json("{\"NULL\":true}"), image.get("nul"));
        assertEquals(json("{\"SS\":[\"a\"]}"), image.get("ss"));
        assertEquals(json("{\"NS\":[\"7\"]}"), image.get("ns"));
        assertEquals(json("{\"BS\":[\"AQ==\"]}"), image.get("bs"));
        assertEquals(json("{\"M\":{\"k\":{\"S\":\"v\"}}}"), image.get("m"));
        assertEquals(json("{\"L\":[{\"S\":\"x\"},{\"N\":\"2\"},{\"L\":[]}]}"), image.get("l"));

        JsonNode modified = records.get(1).get("dynamodb");
        assertEquals("1.5", modified.get("OldImage").get("n").get("N").asText());
        assertEquals("2", modified.get("NewImage").get("n").get("N").asText());
        JsonNode removed = records.get(2).get("dynamodb");
        assertFalse(removed.has("NewImage"));
        assertEquals("2", removed.get("OldImage").get("n").get("N").asText());
        assertEquals(3, poller.stats().recordsDelivered());
    }

    @Test
    void batchesHoldAtMostBatchSizeRecordsInOrder() {
        for (int i = 0; i < 10; i++) {
            put("%02d".formatted(i));
        }
        start(3, "TRIM_HORIZON", false, -1).awaitIdle(IDLE);

        assertEquals(List.of(3, 3, 3, 1), invocations.stream().map(i -> i.sks().size()).toList());
        assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09"), allSks());
        assertEquals(new StreamPoller.Stats(4, 0, 10, 0), poller.stats());
    }

    @Test
    void aFailingBatchIsRetriedUntilTheFunctionSucceeds() {
        behaviour = (n, event) -> n < 2 ? null : "{}";
        put("a");
        put("b");
        start(10, "TRIM_HORIZON", false, -1).awaitIdle(IDLE);

        assertEquals(3, invocations.size());
        invocations.forEach(i -> assertEquals(List.of("a", "b"), i.sks()));
        assertEquals(invocations.get(0).event(), invocations.get(2).event(), "the same batch, unchanged");
        assertEquals(new StreamPoller.Stats(3, 2, 2, 0), poller.stats());
    }

    @Test
    void aBatchIsSkippedAfterMaximumRetryAttemptsAndTheShardMovesOn() {
        behaviour = (n, event) -> event.toString().contains("poison") ? null : "{}";
        put("poison");
        start(10, "TRIM_HORIZON", false, 1).awaitIdle(IDLE);
        put("next");
        poller.awaitIdle(IDLE);

        assertEquals(List.of(List.of("poison"), List.of("poison"), List.of("next")),
                invocations.stream().map(Invocation::sks).toList());
        assertEquals(new StreamPoller.Stats(3, 2, 1, 1), poller.stats());
    }

    @Test
    void aPartialBatchFailureRetriesFromTheFailedRecordOnly() {
        behaviour = (n, event) -> n == 0
                ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"%s\"},{\"itemIdentifier\":\"%s\"}]}".formatted(
                        invocations.get(0).sequence(4), invocations.get(0).sequence(2))
                : "{\"batchItemFailures\":[]}";
        for (String sk : List.of("1", "2", "3", "4", "5")) {
            put(sk);
        }
        start(5, "TRIM_HORIZON", true, -1).awaitIdle(IDLE);

        assertEquals(List.of(List.of("1", "2", "3", "4", "5"), List.of("3", "4", "5")),
                invocations.stream().map(Invocation::sks).toList());
        assertEquals(new StreamPoller.Stats(2, 1, 5, 0), poller.stats());
    }

    @Test
    void anUnknownItemIdentifierFailsTheWholeBatch() {
        behaviour = (n, event) -> n == 0 ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-record\"}]}" : "{}";
        put("1");
        put("2");
        start(5, "TRIM_HORIZON", true, -1).awaitIdle(IDLE);

        assertEquals(List.of(List.of("1", "2"), List.of("1", "2")), invocations.stream().map(Invocation::sks).toList());
        assertEquals(2, poller.stats().recordsDelivered());
    }

    @Test
    void batchItemFailuresAreIgnoredUnlessTheMappingReportsThem() {
        behaviour = (n, event) -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"x\"}]}";
        put("1");
        start(5, "TRIM_HORIZON", false, -1).awaitIdle(IDLE);
        assertEquals(1, invocations.size());
    }

    @Test
    void trimHorizonReplaysTheStreamWhileLatestSeesOnlyNewWrites() {
        put("before");
        var trim = new EventSource.DynamoStream("Stream", "DataTable", 100, "TRIM_HORIZON", false, -1);
        var latest = new EventSource.DynamoStream("Stream", "DataTable", 100, "LATEST", false, -1);
        poller = StreamPoller.start(dynamo, streams, invoker, List.of(
                new StreamPoller.Binding("FromStart", trim, table),
                new StreamPoller.Binding("FromNow", latest, table)), FAST);
        put("after");
        poller.awaitIdle(IDLE);

        List<String> fromStart = new ArrayList<>();
        List<String> fromNow = new ArrayList<>();
        invocations.forEach(i -> (i.functionId().equals("FromStart") ? fromStart : fromNow).addAll(i.sks()));
        assertEquals(List.of("before", "after"), fromStart);
        assertEquals(List.of("after"), fromNow);
    }

    @Test
    void aTableWithoutAStreamIsRefused() {
        String plain = "Plain-" + System.nanoTime();
        dynamo.createTable(r -> r.tableName(plain).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("PK").attributeType("S"))
                .keySchema(k -> k.attributeName("PK").keyType("HASH")));
        var source = new EventSource.DynamoStream("Stream", "Plain", 10, "LATEST", false, -1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamPoller.start(dynamo,
                streams, invoker, List.of(new StreamPoller.Binding("F", source, plain)), FAST));
        assertTrue(e.getMessage().contains(plain), e.getMessage());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
