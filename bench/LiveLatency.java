import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Live updates latency on the local cloud (real template, demo data): N families connected over
 * WebSocket, each linked to one of Riverside North's three clients, and a stream of check-ins over
 * HTTP at a steady rate. Latency is from the check-in request being sent (and from its response
 * returning) to each family's visit.started arriving. The first check-ins warm the functions up
 * (their cold starts) and are not counted.
 */
public final class LiveLatency {

    private static final List<String> CLIENTS = List.of("c-rosa", "c-edith", "c-george");
    private static final int WARM_UP = 10;

    public static void main(String[] args) throws Exception {
        int families = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int checkIns = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        // The stage throttles are raised: this measures delivery, not the limits (100 families connect at once).
        try (LocalCloud cloud = LocalCloud.start(Options.ephemeral(Path.of("template.yaml")).withParameters(Map.of(
                "HttpApiRateLimit", "10000", "HttpApiBurstLimit", "10000", "LiveConnectRateLimit", "10000",
                "LiveConnectBurstLimit", "10000", "LiveConnectionsPerPerson", "100")))) {
            var dynamo = cloud.dynamo().client();
            FamilyLinkStore links = new FamilyLinkStore(new DataTable(
                    DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo, cloud.table("DataTable")));
            String amara = cloud.token("w-amara");

            List<String> visits = new ArrayList<>();
            for (int i = 0; i < WARM_UP + checkIns; i++) {
                visits.add(plan(http, cloud, amara, CLIENTS.get(i % CLIENTS.size())));
            }
            cloud.streams().awaitIdle(Duration.ofSeconds(60));

            // visitId -> when its check-in was sent and when it returned (nanoTime)
            Map<String, long[]> sent = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            AtomicInteger received = new AtomicInteger();
            List<WebSocket> sockets = new ArrayList<>();
            for (int f = 0; f < families; f++) {
                String sub = "f-bench-" + f;
                String client = CLIENTS.get(f % CLIENTS.size());
                links.put(new FamilyLink(client, sub, "Bench " + f, "family", Instant.now(), null));
                String token = cloud.issuer().mint(sub, List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                        Duration.ofHours(1));
                URI uri = URI.create(cloud.webSocketEndpoints().get("LiveApi") + "?token=" + token
                        + "&clientId=" + client);
                sockets.add(http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long now = System.nanoTime();
                        text.append(data);
                        if (last) {
                            JsonNode m = Json.read(text.toString(), JsonNode.class);
                            text.setLength(0);
                            long[] at = sent.get(m.at("/data/visitId").asText());
                            if ("visit.started".equals(m.path("type").asText()) && at != null) {
                                samples.add(new Sample(now, at));
                                received.incrementAndGet();
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        System.err.println(sub + ": " + error);
                    }
                }).get(10, TimeUnit.SECONDS));
            }

            int perClient = families / CLIENTS.size();
            long expected = 0;
            long counted = 0;
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            try (var checkers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < visits.size(); i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String visitId = visits.get(i);
                    int index = i;
                    long told = perClient + (i % CLIENTS.size() < families % CLIENTS.size() ? 1 : 0);
                    expected += told;
                    counted += i >= WARM_UP ? told : 0;
                    checkers.execute(() -> checkIn(http, cloud, amara, visitId, index, sent));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

            List<Long> fromSent = new ArrayList<>();
            List<Long> fromReturned = new ArrayList<>();
            for (Sample s : samples) {
                if (s.checkIn()[2] >= WARM_UP) {
                    fromSent.add(s.receivedAt() - s.checkIn()[0]);
                    fromReturned.add(s.receivedAt() - s.checkIn()[1]);
                }
            }
            System.out.printf("families=%d check-ins=%d (+%d warm-up) rate=%d/s java=%s cores=%d%n", families, checkIns,
                    WARM_UP, perSecond, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf("messages received %d of %d expected (warm-up excluded); stream poll interval 100 ms%n",
                    fromSent.size(), counted);
            print("check-in sent -> visit.started received", fromSent);
            print("check-in returned -> visit.started received", fromReturned);
        }
        System.exit(0);
    }

    /** When a family received a visit.started, and its check-in's {sent, returned, index}. */
    private record Sample(long receivedAt, long[] checkIn) {
    }

    private static void print(String what, List<Long> nanos) {
        Collections.sort(nanos);
        System.out.printf("%-45s p50 %4d ms  p95 %4d ms  p99 %4d ms  min %4d  max %4d ms%n", what, ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), nanos.isEmpty() ? 0 : nanos.getFirst() / 1_000_000,
                nanos.isEmpty() ? 0 : nanos.getLast() / 1_000_000);
    }

    private static long ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1_000_000;
    }

    private static String plan(HttpClient http, LocalCloud cloud, String token, String client) throws Exception {
        String body = """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}"""
                .formatted(Instant.now().plusSeconds(600), Instant.now().plusSeconds(4200));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/clients/" + client
                        + "/visits")).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("plan: " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body(), JsonNode.class).get("visitId").asText();
    }

    private static void checkIn(HttpClient http, LocalCloud cloud, String token, String visitId, int index,
                                Map<String, long[]> sent) {
        long[] at = {System.nanoTime(), Long.MAX_VALUE, index};
        sent.put(visitId, at);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/visits/"
                            + visitId + "/check-in")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            at[1] = System.nanoTime();
            if (r.statusCode() != 200) {
                System.err.println("check-in " + visitId + ": " + r.statusCode() + " " + r.body());
            }
        } catch (Exception e) {
            System.err.println("check-in " + visitId + ": " + e);
        }
    }
}
