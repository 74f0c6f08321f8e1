package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.whatmatters.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A template with a WebSocket API, a stream-triggered function, schedules, a bucket and a construct
 * the local cloud does not emulate; its test handlers log what they receive to LogTable.
 */
class EverythingTemplateTest {

    private static LocalCloud cloud;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(EverythingTemplateTest.class.getResource("/templates/everything.yaml").toURI());
        cloud = LocalCloud.start(Options.ephemeral(template).withDemo(false)
                .withParameters(Map.of("Greeting", "hello")));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static Optional<Map<String, AttributeValue>> logged(String id) {
        Map<String, AttributeValue> item = cloud.dynamo().client().getItem(g -> g.tableName(cloud.table("LogTable"))
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static List<Map<String, AttributeValue>> loggedStartingWith(String prefix) {
        return cloud.dynamo().client().scan(s -> s.tableName(cloud.table("LogTable")).consistentRead(true)).items()
                .stream().filter(i -> i.get("id").s().startsWith(prefix)).toList();
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void unemulatedConstructsAreReportedByNameAndInertOnesExplained() {
        assertEquals("AWS::Kinesis::Stream", cloud.stack().unsupported().get("Leftovers"));
        assertTrue(cloud.stack().inertLocally().get("SocketPermission").startsWith("AWS::Lambda::Permission"));
        assertTrue(cloud.describe().contains("NOT EMULATED  Leftovers: AWS::Kinesis::Stream"), cloud.describe());
    }

    @Test
    void functionsGetTheTemplatesEnvironmentResolvedToLocalValues() {
        Map<String, String> env = cloud.functions().environment("SocketFunction");
        assertEquals(cloud.table("LogTable"), env.get("LOG_TABLE"), "Globals apply");
        assertEquals("hello", env.get("GREETING"), "!If on a condition, !Ref of a parameter");
        assertEquals(cloud.bucket("ReportsBucket"), env.get("BUCKET"));
        assertTrue(env.get("CONNECTIONS_URL").startsWith("http://127.0.0.1:"), env.get("CONNECTIONS_URL"));
        assertTrue(env.get("CONNECTIONS_URL").endsWith("/test"), "the execute-api URL keeps its stage");
        assertEquals(cloud.dynamo().endpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(cloud.s3().accessKey(), env.get("AWS_ACCESS_KEY_ID"), "dev keys generated at start");
        assertTrue(cloud.s3().client().listBuckets().buckets().stream()
                .anyMatch(b -> b.name().equals(cloud.bucket("ReportsBucket"))));
    }

    @Test
    void webSocketConnectsRoutesAndAnswersThroughConnections() throws Exception {
        URI ws = cloud.webSocketEndpoints().get("Socket");
        CollectingListener received = new CollectingListener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(ws + "?token=let-me-in"), received).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"action\":\"echo\",\"say\":\"hi\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo:{\"action\":\"echo\",\"say\":\"hi\"}", received.texts.poll(10, TimeUnit.SECONDS));
        List<Map<String, AttributeValue>> connects = loggedStartingWith("connect:");
        assertEquals(1, connects.size());
        assertEquals("hello " + cloud.bucket("ReportsBucket"), connects.getFirst().get("value").s());

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        String id = connects.getFirst().get("id").s().substring("connect:".length());
        eventually(() -> logged("disconnect:" + id).isPresent(), "$disconnect");
    }

    @Test
    void aRefusedConnectNeverOpens() {
        URI ws = cloud.webSocketEndpoints().get("Socket");
        CompletionException e = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create(ws + "?token=wrong"), new WebSocket.Listener() { })
                .join());
        assertEquals(403, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }

    @Test
    void streamRecordsArriveOnceInOrderAndAFailedOneIsRetried() throws Exception {
        String table = cloud.table("EventsTable");
        for (int i = 1; i <= 5; i++) {
            String id = "e" + i;
            Map<String, AttributeValue> item = i == 3
                    ? Map.of("id", AttributeValue.fromS(id), "fail", AttributeValue.fromS("once"))
                    : Map.of("id", AttributeValue.fromS(id));
            cloud.dynamo().client().putItem(p -> p.tableName(table).item(item));
        }
        cloud.dynamo().client().deleteItem(d -> d.tableName(table).key(Map.of("id", AttributeValue.fromS("e1"))));
        eventually(() -> loggedStartingWith("stream:").size() == 6, "six stream records");
        List<Map<String, AttributeValue>> seen = loggedStartingWith("stream:");
        seen.forEach(i -> assertEquals("1", i.get("hits").n(), "delivered exactly once: " + i.get("id").s()));
        List<String> inserts = seen.stream().map(i -> i.get("id").s()).filter(s -> s.startsWith("stream:INSERT:"))
                .sorted(java.util.Comparator.comparing(s -> new java.math.BigInteger(s.substring(s.lastIndexOf(':') + 1))))
                .map(s -> s.split(":")[2]).toList();
        assertEquals(List.of("e1", "e2", "e3", "e4", "e5"), inserts, "in sequence order, e3 after its retry");
        assertTrue(seen.stream().anyMatch(i -> i.get("id").s().startsWith("stream:REMOVE:e1:")));
    }

    @Test
    void presignedUrlsForTheTemplatesBucketAreCheckedBySigV4() throws Exception {
        String bucket = cloud.bucket("ReportsBucket");
        cloud.s3().client().putObject(p -> p.bucket(bucket).key("r.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("nps,83"));
        String url = cloud.s3().presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("r.csv"))).url().toString();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals("nps,83", ok.body());
        String tampered = url.replace("r.csv", "r.csv?x=1").replace("r.csv?x=1?", "r.csv?x=1&");
        assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aScheduledFunctionRunsNowWithTheEventBridgeEventOrItsInput() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint()
                + "/_local/schedules/TickFunction/run?schedule=Daily")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("event:Scheduled Event:aws.events", Json.MAPPER.readTree(r.body()).at("/result/ticked").asText());
        assertTrue(logged("tick:event:Scheduled Event:aws.events").isPresent());

        assertEquals("{\"ticked\":\"input:weekly\"}", cloud.scheduler().runNow("TickFunction", "MondayMorning")
                .replace(" ", ""));
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint()
                + "/_local/schedules/NoSuchFunction/run")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        String schedules = http.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint() + "/_local/schedules"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(schedules.contains("cron(0 6 ? * MON *)"), schedules);
        assertFalse(schedules.contains("NoSuchFunction"));
    }

    private static HttpResponse<String> echo(URI base, String contentType, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/echo/a%2Fb/c?x=1"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aNamedStageIsInTheUrlAndThePathsTheFunctionSees() throws Exception {
        assertTrue(cloud.httpEndpoint().toString().endsWith("/test"), cloud.httpEndpoint().toString());
        HttpResponse<String> r = echo(cloud.httpEndpoint(), "application/json", "{}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode event = Json.MAPPER.readTree(r.body());
        assertEquals("/test/echo/a%2Fb/c", event.path("rawPath").asText());
        assertEquals("/test/echo/a%2Fb/c", event.at("/requestContext/http/path").asText());
        assertEquals("test", event.at("/requestContext/stage").asText());
        assertEquals("ANY /echo/{proxy+}", event.path("routeKey").asText());
        assertEquals("a/b/c", event.at("/pathParameters/proxy").asText());

        HttpResponse<String> withoutStage = echo(cloud.localEndpoint(), "application/json", "{}");
        assertEquals(404, withoutStage.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", withoutStage.body());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "application/json, false", "application/json; charset=utf-8, false", "Application/JSON, false",
            "text/plain, false", "text/csv; charset=utf-8, false", "application/xml, false",
            "application/javascript, false", "none, true", "application/x-www-form-urlencoded, true",
            "application/octet-stream, true", "image/png, true", "multipart/form-data; boundary=x, true"})
    void onlyTextBodiesArriveAsTextAndEverythingElseBase64(String contentType, boolean base64) throws Exception {
        String body = "name=Ros\u00e9&x={\"a\":1}";
        JsonNode event = Json.MAPPER.readTree(echo(cloud.httpEndpoint(), contentType, body).body());
        assertEquals(base64, event.path("isBase64Encoded").asBoolean());
        String received = event.path("body").asText();
        assertEquals(body, base64 ? new String(Base64.getDecoder().decode(received), StandardCharsets.UTF_8) : received);
    }
}
