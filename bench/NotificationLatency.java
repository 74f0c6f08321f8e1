import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contact;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.messaging.OutboxMessage;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Notifications on the local cloud (real template, demo data): N families, each the only family of one person of
 * Riverside North, each with e-mail and push (a stand-in browser) chosen for arrivals. Phase 1: one check-in per
 * person at a steady rate; latency from the check-in request to each message landing in the outbox (the e-mail
 * at the SES stand-in, the push decrypted at the push stand-in). Phase 2: every n-th send fails for now (5xx)
 * while check-ins go on until M messages are due; retried after the queue's visibility timeout (time passed on
 * the local queues' clock), then counted: duplicates and lost.
 */
public final class NotificationLatency {

    private static final int WARM_UP = 10;

    public static void main(String[] args) throws Exception {
        int families = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int faultyMessages = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int failEvery = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (LocalCloud cloud = LocalCloud.start(Options.ephemeral(Path.of("template.yaml")).withParameters(Map.of(
                "HttpApiRateLimit", "10000", "HttpApiBurstLimit", "10000")))) {
            var dynamo = cloud.dynamo().client();
            DataTable data = new DataTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo,
                    cloud.table("DataTable"));
            String amara = cloud.token("w-amara");
            List<String> clients = new ArrayList<>();
            for (int f = 0; f < families + WARM_UP; f++) {
                String client = "c-bench-" + f;
                String sub = "f-bench-" + f;
                clients.add(client);
                new ClientStore(data).put(new Client(client, "t-north", "Person" + f + " Bench", 10, Instant.now()));
                new FamilyLinkStore(data).put(new FamilyLink(client, sub, "Family " + f, "daughter", Instant.now(), null));
                new ContactStore(data).put(Contact.none(sub).withEmail("family" + f + "@example.org"));
                // Quiet hours a minute long, twelve hours away: a run at night is measured, not held.
                java.time.LocalTime quiet = java.time.LocalTime.now(java.time.ZoneId.of("Europe/London")).plusHours(12);
                new NotificationPreferencesStore(data).put(new NotificationPreferences(sub, client,
                        NotificationPreferences.defaults(sub, client).with(UpdateKind.ARRIVED,
                                EnumSet.of(Channel.EMAIL, Channel.PUSH)).channels(),
                        new org.whatmatters.domain.QuietHours(quiet, quiet.plusMinutes(1), true)));
                String token = cloud.issuer().mint(sub, List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                        Duration.ofHours(2));
                String subscription = send(http, HttpRequest.newBuilder(URI.create(cloud.localEndpoint()
                        + "/_local/push-subscriptions")).POST(HttpRequest.BodyPublishers.noBody()), 201);
                send(http, api(cloud, "/me/push-subscriptions", token).POST(HttpRequest.BodyPublishers.ofString(subscription)), 201);
            }

            // Phase 1: one check-in per person (the first WARM_UP warm the functions up and are not counted).
            List<String> visits = new ArrayList<>();
            for (String c : clients) {
                visits.add(plan(http, cloud, amara, c));
            }
            cloud.streams().awaitIdle(Duration.ofSeconds(60));
            cloud.queuePoller().awaitIdle(Duration.ofSeconds(60));
            cloud.outbox().clear();
            Map<String, Instant> sentAt = new ConcurrentHashMap<>();
            checkIns(http, cloud, amara, visits, clients, perSecond, sentAt);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cloud.outbox().all().size() < 2 * visits.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<Long> email = new ArrayList<>();
            List<Long> push = new ArrayList<>();
            for (OutboxMessage m : cloud.outbox().all()) {
                String client = m.channel().equals("push") ? m.push().at("/payload/url").asText() : m.text();
                client = client.replaceAll("(?s).*client=([\\w-]+).*", "$1");
                Instant sent = sentAt.get(client);
                if (sent == null || clients.indexOf(client) < WARM_UP) {
                    continue;
                }
                (m.channel().equals("push") ? push : email).add(Duration.between(sent, m.at()).toMillis());
            }
            System.out.printf("families=%d check-ins=%d (+%d warm-up) rate=%d/s java=%s cores=%d%n", families, families,
                    WARM_UP, perSecond, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf("messages in the outbox %d of %d expected (warm-up excluded)%n", email.size() + push.size(),
                    2 * families);
            print("check-in sent -> e-mail in the outbox", email);
            print("check-in sent -> push decrypted in the outbox", push);
            List<Long> all = new ArrayList<>(email);
            all.addAll(push);
            print("check-in sent -> any message in the outbox", all);

            // Phase 2: every failEvery-th send fails for now; check-ins until faultyMessages are due.
            int rounds = (faultyMessages + 2 * clients.size() - 1) / (2 * clients.size());
            List<String> more = new ArrayList<>();
            List<String> moreClients = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (String c : clients) {
                    if (more.size() * 2 >= faultyMessages) {
                        break;
                    }
                    more.add(plan(http, cloud, amara, c));
                    moreClients.add(c);
                }
            }
            cloud.streams().awaitIdle(Duration.ofSeconds(60));
            cloud.queuePoller().awaitIdle(Duration.ofSeconds(60));
            cloud.outbox().clear();
            cloud.outbox().failEvery(failEvery);
            checkIns(http, cloud, amara, more, moreClients, perSecond * 2, new ConcurrentHashMap<>());
            int expected = more.size() * 2;
            int rounds2 = 0;
            while (cloud.outbox().all().size() < expected && rounds2++ < 20) {
                cloud.streams().awaitIdle(Duration.ofSeconds(60));
                cloud.queuePoller().awaitIdle(Duration.ofSeconds(60));
                // The failed ones come back once the visibility timeout (360 s) has passed.
                cloud.queues().passTime(Duration.ofSeconds(400));
                Thread.sleep(200);
            }
            cloud.queuePoller().awaitIdle(Duration.ofSeconds(60));
            Map<String, Integer> seen = new HashMap<>();
            for (OutboxMessage m : cloud.outbox().all()) {
                String update = m.channel().equals("push") ? m.push().at("/payload/updateId").asText()
                        : m.headers().get("X-WhatMatters-Update");
                seen.merge(m.channel() + "|" + m.to() + "|" + update, 1, Integer::sum);
            }
            long duplicates = seen.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            Set<String> unique = new HashSet<>(seen.keySet());
            System.out.printf("faults: every %d-th send failed (5xx); %d messages due, %d sent once, %d duplicates, "
                    + "%d lost; dead letters %s%n", failEvery, expected, unique.size(), duplicates,
                    expected - unique.size(), cloud.queues().counts("NotificationDeadLetters"));
        }
        System.exit(0);
    }

    private static void checkIns(HttpClient http, LocalCloud cloud, String token, List<String> visits,
                                 List<String> clients, int perSecond, Map<String, Instant> sentAt) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        try (var checkers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < visits.size(); i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String visitId = visits.get(i);
                String client = clients.get(i);
                checkers.execute(() -> {
                    sentAt.put(client, Instant.now());
                    try {
                        send(http, api(cloud, "/visits/" + visitId + "/check-in", token)
                                .POST(HttpRequest.BodyPublishers.ofString("{}")), 200);
                    } catch (Exception e) {
                        System.err.println("check-in " + visitId + ": " + e);
                    }
                });
            }
        }
    }

    private static HttpRequest.Builder api(LocalCloud cloud, String path, String token) {
        return HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String plan(HttpClient http, LocalCloud cloud, String token, String client) throws Exception {
        String body = """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}"""
                .formatted(Instant.now().plusSeconds(600), Instant.now().plusSeconds(4200));
        return Json.read(send(http, api(cloud, "/clients/" + client + "/visits", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201), JsonNode.class).get("visitId").asText();
    }

    private static void print(String what, List<Long> millis) {
        Collections.sort(millis);
        System.out.printf("%-48s p50 %5d ms  p95 %5d ms  p99 %5d ms  max %5d ms  (n=%d)%n", what, at(millis, 0.50),
                at(millis, 0.95), at(millis, 0.99), millis.isEmpty() ? 0 : millis.getLast(), millis.size());
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
