package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.access.Relation;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.json.Json;
import org.whatmatters.live.Connection;
import org.whatmatters.live.ConnectionStore;
import org.whatmatters.live.Watch;
import org.whatmatters.local.cloud.EventSource;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.WebSocketApiSpec;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Live updates end to end on the real template, over real HTTP and WebSocket: families connect with
 * dev tokens, a worker plans, checks in and checks out over HTTP, and only those who may see it are told.
 */
class LiveUpdatesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static LocalCloud cloud;
    private static ConnectionStore connections;
    private static FamilyLinkStore links;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
        var dynamo = cloud.dynamo().client();
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        connections = new ConnectionStore(enhanced, dynamo, cloud.table("ConnectionsTable"));
        links = new FamilyLinkStore(new DataTable(enhanced, dynamo, cloud.table("DataTable")));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static int refusedWith(String token, String clientId) {
        CompletionException e = assertThrows(CompletionException.class, () -> LiveSocketClient.open(cloud, token, clientId));
        return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, token, body);
    }

    private static String planVisitForRosa() throws Exception {
        HttpResponse<String> planned = call("POST", "/clients/c-rosa/visits", cloud.token("w-amara"), """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara","w-ben"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}"""
                .formatted(Instant.now().plusSeconds(600), Instant.now().plusSeconds(4200)));
        assertEquals(201, planned.statusCode(), planned.body());
        return Json.read(planned.body(), JsonNode.class).get("visitId").asText();
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void familiesAreToldWhatTheyMaySeeAndCatchUpFromTheFeed() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        String jess = "f-live-jess";
        links.put(new FamilyLink("c-rosa", jess, "Jess", "granddaughter", Instant.now(), null));
        String jessToken = cloud.issuer().mint(jess, List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                Duration.ofHours(1));
        LiveSocketClient maria = LiveSocketClient.open(cloud, cloud.token("f-maria"), "c-rosa");
        LiveSocketClient tom = LiveSocketClient.open(cloud, cloud.token("f-tom"), "c-arthur");
        LiveSocketClient jessSocket = LiveSocketClient.open(cloud, jessToken, "c-rosa");
        // A connection that dropped without its $disconnect reaching us: @connections answers 410 for it.
        Instant in2h = Instant.now().plus(Duration.ofHours(2));
        connections.open(new Connection("dropped-1=", "f-maria", List.of("family"), "p-riverside", null,
                Instant.now(), in2h), List.of(new Watch("dropped-1=", "c-rosa", "f-maria", Relation.LINKED_FAMILY, in2h)));

        String visitId = planVisitForRosa();
        JsonNode planned = maria.next("visit.planned");
        assertEquals(visitId, planned.at("/data/visitId").asText());
        assertEquals("c-rosa", planned.get("clientId").asText());
        eventually(() -> connections.find("dropped-1=").isEmpty(), "the dropped connection to be forgotten after 410");

        HttpResponse<String> in = call("POST", "/visits/" + visitId + "/check-in", cloud.token("w-amara"),
                "{\"note\":\"Rosa was in the garden\"}");
        assertEquals(200, in.statusCode(), in.body());
        JsonNode started = maria.next("visit.started");
        assertEquals(visitId, started.at("/data/visitId").asText());
        assertEquals("Amara", started.at("/data/checkedInBy/displayName").asText());
        assertEquals(List.of("Amara", "Ben"), names(started.at("/data/workers")));
        assertFalse(started.toString().contains("garden"), "families never see the team's notes: " + started);
        assertEquals("visit.started", jessSocket.next("visit.started").get("type").asText());

        // Jess's link is revoked by the admin, over HTTP: from then on she is told nothing.
        HttpResponse<String> revoked = call("DELETE", "/clients/c-rosa/family/" + jess, cloud.token("a-priya"), null);
        assertTrue(revoked.statusCode() / 100 == 2, revoked.statusCode() + " " + revoked.body());
        HttpResponse<String> out = call("POST", "/visits/" + visitId + "/check-out", cloud.token("w-amara"),
                "{\"note\":\"tired\",\"whatMattered\":\"Rosa named every bird in the garden.\"}");
        assertEquals(200, out.statusCode(), out.body());
        JsonNode finished = maria.next("visit.finished");
        assertEquals("Rosa named every bird in the garden.", finished.at("/data/whatMattered").asText());
        assertFalse(finished.toString().contains("tired"), "no working notes: " + finished);

        // Tom (Arthur's son) and Jess (revoked) heard nothing of it; Maria heard each update once.
        cloud.streams().awaitIdle(LiveSocketClient.WAIT);
        assertEquals(List.of(), tom.untilPong(), "Tom");
        List<JsonNode> jessHeard = jessSocket.untilPong();
        assertTrue(jessHeard.stream().noneMatch(m -> m.path("type").asText().equals("visit.finished")),
                "Jess after revocation: " + jessHeard);
        assertEquals(List.of(), maria.untilPong(), "no duplicates");

        // Back online, Maria reads what happened from the feed: the same updates, with the same ids.
        HttpResponse<String> feed = call("GET", "/clients/c-rosa/updates?since=" + since, cloud.token("f-maria"), null);
        assertEquals(200, feed.statusCode(), feed.body());
        List<String> ids = new ArrayList<>();
        Json.read(feed.body(), JsonNode.class).get("updates").forEach(u -> ids.add(u.get("id").asText()));
        assertEquals(List.of(planned.get("id").asText(), started.get("id").asText(), finished.get("id").asText()), ids);
        assertEquals(404, call("GET", "/clients/c-rosa/updates", cloud.token("f-tom"), null).statusCode());
        assertEquals(404, call("GET", "/clients/c-rosa/updates", jessToken, null).statusCode());

        maria.close();
        tom.close();
        jessSocket.close();
    }

    @Test
    void onlyGoodTokensForOwnClientsConnect() throws Exception {
        assertEquals(403, refusedWith(cloud.token("f-former"), "c-rosa"), "revoked link");
        assertEquals(403, refusedWith(cloud.token("f-tom"), "c-rosa"), "another family's client");
        assertEquals(403, refusedWith(cloud.token("f-tom"), "c-nobody"), "an unknown client looks the same");
        assertEquals(401, refusedWith("not-a-token", "c-rosa"));
        String expired = cloud.issuer().mint("f-maria", List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                Duration.ofSeconds(-60));
        assertEquals(401, refusedWith(expired, "c-rosa"));
        assertEquals(400, refusedWith(cloud.token("f-maria"), "c-rosa,bad%23id"));

        LiveSocketClient amara = LiveSocketClient.open(cloud, cloud.token("w-amara"), "c-rosa", "c-edith");
        amara.send("{\"action\":\"ping\"}");
        assertEquals("pong", amara.next().get("type").asText());
        amara.send("{\"action\":\"subscribe\",\"clientIds\":[\"c-george\",\"c-arthur\"]}");
        JsonNode subscribed = amara.next();
        assertEquals("subscribed", subscribed.get("type").asText());
        assertEquals("c-george", subscribed.at("/clientIds/0").asText());
        JsonNode refused = amara.next();
        assertEquals("error", refused.get("type").asText());
        assertEquals(404, refused.get("status").asInt());
        assertEquals("c-arthur", refused.at("/clientIds/0").asText(), "Arthur is another team's client");
        amara.send("{\"action\":\"subscribe\",\"clientIds\":\"c-george\"}");
        assertEquals(400, amara.next().get("status").asInt());
        amara.close();
        eventually(() -> cloud.dynamo().client().scan(s -> s.tableName(cloud.table("ConnectionsTable"))).items()
                .stream().noneMatch(i -> "w-amara".equals(i.get("sub").s())), "$disconnect to forget Amara's connection");
    }

    @Test
    void theLiveApiRunsAsTheTemplateDeclaresIt() {
        WebSocketApiSpec api = cloud.stack().webSocketApis().stream().filter(a -> a.logicalId().equals("LiveApi"))
                .findFirst().orElseThrow();
        assertEquals("$request.body.action", api.routeSelectionExpression());
        assertEquals("dev", api.stage());
        assertEquals(Map.of("$connect", "LiveSocketFunction", "$disconnect", "LiveSocketFunction",
                "subscribe", "LiveSocketFunction", "ping", "LiveSocketFunction"), api.routes());
        EventSource.DynamoStream stream = cloud.stack().function("FanOutFunction")
                .events(EventSource.DynamoStream.class).getFirst();
        assertEquals(cloud.table("DataTable"), stream.tableName());
        assertEquals("LATEST", stream.startingPosition());
        assertTrue(stream.reportBatchItemFailures());
        Map<String, String> env = cloud.functions().environment("LiveSocketFunction");
        assertEquals(cloud.table("ConnectionsTable"), env.get("CONNECTIONS_TABLE"));
        assertTrue(env.get("CONNECTIONS_URL").matches("http://127\\.0\\.0\\.1:\\d+/dev"), env.get("CONNECTIONS_URL"));
        assertEquals(cloud.issuer().issuer(), env.get("JWT_ISSUER"));
        assertEquals(LocalCloud.AUDIENCE, env.get("JWT_AUDIENCE"));
        assertTrue(cloud.stack().inertLocally().containsKey("LiveDeployment"));
        assertTrue(cloud.stack().inertLocally().containsKey("LiveSocketPermission"));
        assertEquals(Map.of(), cloud.stack().unsupported());
    }

    @Test
    void updatesRejectBadInputWithProblems() throws Exception {
        String maria = cloud.token("f-maria");
        for (String q : List.of("since=yesterday", "limit=0", "limit=101", "limit=x", "cursor=not-a-cursor")) {
            HttpResponse<String> r = call("GET", "/clients/c-rosa/updates?" + q, maria, null);
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        }
        HttpResponse<String> empty = call("GET", "/clients/c-rosa/updates?since=2999-01-01T00:00:00Z", maria, null);
        assertEquals(200, empty.statusCode(), empty.body());
        assertNull(Json.read(empty.body(), JsonNode.class).get("nextCursor"));
    }

    private static List<String> names(JsonNode workers) {
        List<String> names = new ArrayList<>();
        workers.forEach(w -> names.add(w.get("displayName").asText()));
        return names;
    }
}
