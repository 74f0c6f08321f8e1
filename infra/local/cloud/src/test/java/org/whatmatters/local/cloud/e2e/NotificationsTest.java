package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.HeldNotificationStore;
import org.whatmatters.domain.HeldNotification;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.messaging.OutboxMessage;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Notifications end to end on the real template, over real HTTP: the settings routes, the stream planner, the
 * queue, the sender and the local SES, SMS and push stand-ins (the push decrypted with the browser's keys).
 */
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static LocalCloud cloud;
    private static DataTable data;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
        var dynamo = cloud.dynamo().client();
        data = new DataTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo, cloud.table("DataTable"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @BeforeEach
    void emptyOutbox() {
        cloud.outbox().clear();
        cloud.outbox().failEvery(0);
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static HttpResponse<String> call(String method, String path, String who, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, TOKENS.containsKey(who) ? TOKENS.get(who) : cloud.token(who), body);
    }

    /** Another of Rosa's family, with a token whose e-mail is verified: a test that changes their settings alone. */
    private static String newFamily(String name) {
        String sub = "f-nt-" + name;
        new org.whatmatters.data.FamilyLinkStore(data).put(new org.whatmatters.domain.FamilyLink("c-rosa", sub, name,
                "grandchild", Instant.now(), null));
        TOKENS.put(sub, cloud.issuer().mint(sub, List.of("family"), java.util.Map.of("custom:provider_id", "p-riverside",
                "email", name + "@example.org", "email_verified", "true"), Duration.ofHours(1)));
        return sub;
    }

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    /** The channels, and quiet hours a minute long twelve hours away: a run at night is not held. */
    private static void choose(String who, String clientId, String channelsJson) throws Exception {
        LocalTime quiet = LocalTime.now(ZoneId.of("Europe/London")).plusHours(12).withSecond(0).withNano(0);
        ok(call("PUT", "/me/notification-preferences", who, "{\"clientId\":\"" + clientId + "\",\"channels\":"
                + channelsJson + ",\"quietHours\":{\"from\":\"" + quiet + "\",\"until\":\"" + quiet.plusMinutes(1)
                + "\",\"holdUntilMorning\":true}}"), 200);
    }

    /** A browser of the push stand-in, subscribed for {@code who}. */
    private static String subscribeBrowser(String who) throws Exception {
        String subscription = CloudHttp.atRoot(cloud, "POST", "/_local/push-subscriptions", null).body();
        ok(call("POST", "/me/push-subscriptions", who, subscription), 201);
        return Json.read(subscription, JsonNode.class).path("endpoint").asText();
    }

    /** Plans a visit for the client and checks in as Amara (or Chloe for Arthur); answers when the check-in landed. */
    private static Instant checkIn(String clientId) throws Exception {
        String worker = clientId.equals("c-arthur") ? "w-chloe" : "w-amara";
        JsonNode visit = ok(call("POST", "/clients/" + clientId + "/visits", worker, """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["%s"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}"""
                .formatted(Instant.now().plusSeconds(60), Instant.now().plusSeconds(3660), worker)), 201);
        Instant at = Instant.now();
        ok(call("POST", "/visits/" + visit.get("visitId").asText() + "/check-in", worker, "{}"), 200);
        return at;
    }

    private static List<OutboxMessage> await(Predicate<List<OutboxMessage>> done) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        List<OutboxMessage> all = cloud.outbox().all();
        while (!done.test(all) && System.nanoTime() < end) {
            Thread.sleep(25);
            all = cloud.outbox().all();
        }
        return all;
    }

    private static List<OutboxMessage> to(List<OutboxMessage> all, String channel, String to) {
        return all.stream().filter(m -> m.channel().equals(channel) && m.to().equals(to)).toList();
    }

    @Test
    void mariaGetsAnEmailAndADecryptedPushForACheckInAndNobodyElseIsTold() throws Exception {
        choose("f-maria", "c-rosa", "{\"arrived\":[\"email\",\"push\"]}");
        String browser = subscribeBrowser("f-maria");
        Instant checkedIn = checkIn("c-rosa");
        List<OutboxMessage> all = await(m -> !to(m, "email", "maria@example.org").isEmpty() && !to(m, "push", browser).isEmpty());

        OutboxMessage email = to(all, "email", "maria@example.org").getFirst();
        String at = LocalTime.ofInstant(checkedIn, ZoneId.of("Europe/London")).toString().substring(0, 5);
        assertTrue(email.subject().startsWith("Amara arrived to see Rosa at "), email.subject());
        assertTrue(email.text().contains("/family.html?client=c-rosa"), email.text());
        assertTrue(email.headers().get("List-Unsubscribe").matches("<http://127\\.0\\.0\\.1:\\d+/dev/notifications/unsubscribe\\?token=[\\w-]+>"),
                email.headers().toString());
        assertEquals("List-Unsubscribe=One-Click", email.headers().get("List-Unsubscribe-Post"));
        assertEquals("care@riverside.example", email.headers().get("From"));
        OutboxMessage push = to(all, "push", browser).getFirst();
        assertEquals(email.subject(), push.push().at("/payload/title").asText(), "decrypted with the browser's keys");
        assertEquals("verified", push.push().path("vapid").asText());
        assertTrue(push.subject().endsWith(at) || push.subject().contains("Amara arrived"), push.subject());

        Thread.sleep(500);
        List<OutboxMessage> later = cloud.outbox().all();
        assertEquals(2, later.size(), "nothing to Tom (another client's family) nor Jo (link revoked): " + later);
        assertFalse(later.stream().anyMatch(m -> m.text() != null && m.text().contains("garden")));
    }

    @Test
    void aSubscriptionThePushServiceSaysIsGoneIsRemoved() throws Exception {
        String dee = newFamily("dee");
        choose(dee, "c-rosa", "{\"arrived\":[\"push\"]}");
        String browser = subscribeBrowser(dee);
        assertEquals(1, ok(call("GET", "/me/notification-preferences", dee, null), 200).path("pushSubscriptions").size());
        CloudHttp.atRoot(cloud, "DELETE", URI.create(browser).getPath(), null);
        checkIn("c-rosa");
        cloud.streams().awaitIdle(WAIT);
        cloud.queuePoller().awaitIdle(WAIT);
        assertEquals(0, ok(call("GET", "/me/notification-preferences", dee, null), 200).path("pushSubscriptions").size(),
                "410 from the push service: the subscription is forgotten");
        assertTrue(to(cloud.outbox().all(), "push", browser).isEmpty());
    }

    @Test
    void aRevokedFamilyMemberAndAnotherClientsFamilyGetNothing() throws Exception {
        choose("f-tom", "c-arthur", "{\"arrived\":[\"email\"]}");
        checkIn("c-rosa");
        checkIn("c-arthur");
        List<OutboxMessage> all = await(m -> !to(m, "email", "tom@example.org").isEmpty());
        assertEquals(1, to(all, "email", "tom@example.org").size(), "Tom hears of Arthur's visit only");
        assertTrue(to(all, "email", "jo@example.org").isEmpty(), "Jo's link to Rosa was revoked");
    }

    @Test
    void sendsThatFailForNowAreRetriedAndNothingIsSentTwice() throws Exception {
        choose("f-maria", "c-rosa", "{\"arrived\":[\"email\"]}");
        cloud.outbox().failEvery(2);
        for (int i = 0; i < 4; i++) {
            checkIn("c-rosa");
        }
        cloud.queuePoller().awaitIdle(WAIT);
        cloud.outbox().failEvery(0);
        // The failed ones come back once their visibility timeout (360 s) has passed.
        cloud.queues().passTime(Duration.ofMinutes(7));
        await(m -> to(m, "email", "maria@example.org").size() >= 4);
        cloud.queuePoller().awaitIdle(WAIT);
        List<OutboxMessage> all = cloud.outbox().all();
        List<String> updates = to(all, "email", "maria@example.org").stream()
                .map(m -> m.headers().get("X-WhatMatters-Update")).toList();
        assertEquals(4, updates.size(), "every update sent once in the end: " + updates);
        assertEquals(4, updates.stream().distinct().count(), "none twice");
    }

    @Test
    void oneClickUnsubscribeTurnsThePreferenceOff() throws Exception {
        String ann = newFamily("ann");
        choose(ann, "c-rosa", "{\"arrived\":[\"email\"]}");
        checkIn("c-rosa");
        OutboxMessage email = to(await(m -> !to(m, "email", "ann@example.org").isEmpty()), "email", "ann@example.org").getFirst();
        String url = email.headers().get("List-Unsubscribe").replaceAll("^<|>$", "");
        HttpResponse<String> confirm = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, confirm.statusCode());
        assertTrue(ok(call("GET", "/me/notification-preferences", ann, null), 200)
                .at("/people/0/channels/arrived").toString().contains("email"), "a GET (a link scanner) changes nothing");
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        JsonNode rosa = ok(call("GET", "/me/notification-preferences", ann, null), 200).at("/people/0");
        assertEquals("[]", rosa.at("/channels/arrived").toString());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url.replaceAll("token=.*", "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode());
    }

    @Test
    void anInjectedBounceSuppressesTheAddress() throws Exception {
        String ben = newFamily("bea");
        choose(ben, "c-rosa", "{\"arrived\":[\"email\"]}");
        ok(CloudHttp.atRoot(cloud, "POST", "/_local/outbox/bounce", "{\"email\":\"bea@example.org\"}"), 202);
        assertTrue(ok(call("GET", "/me/notification-preferences", ben, null), 200).at("/contact/emailSuppressed").asBoolean());
        cloud.outbox().clear();
        checkIn("c-rosa");
        Thread.sleep(1500);
        assertTrue(to(cloud.outbox().all(), "email", "bea@example.org").isEmpty(), "a bounced address is sent nothing");
    }

    @Test
    void aNumberIsVerifiedByItsCodeAndAStopReplyTurnsSmsOff() throws Exception {
        ok(call("PUT", "/me/phone", "f-tom", "{\"phone\":\"+447700900456\"}"), 202);
        OutboxMessage code = to(await(m -> !to(m, "sms", "+447700900456").isEmpty()), "sms", "+447700900456").getFirst();
        String digits = code.text().replaceAll("\\D*(\\d{6}).*", "$1");
        assertTrue(ok(call("POST", "/me/phone/verify", "f-tom", "{\"code\":\"" + digits + "\"}"), 200).path("phoneVerified").asBoolean());
        choose("f-tom", "c-arthur", "{\"arrived\":[\"sms\"]}");
        cloud.outbox().clear();
        checkIn("c-arthur");
        OutboxMessage sms = to(await(m -> !to(m, "sms", "+447700900456").isEmpty()), "sms", "+447700900456").getFirst();
        assertTrue(sms.text().startsWith("Chloe arrived to see Arthur at "), sms.text());

        ok(CloudHttp.atRoot(cloud, "POST", "/_local/outbox/sms-reply", "{\"from\":\"+447700900456\",\"body\":\"STOP\"}"), 202);
        assertTrue(ok(call("GET", "/me/notification-preferences", "f-tom", null), 200).at("/contact/smsStopped").asBoolean());
        cloud.outbox().clear();
        checkIn("c-arthur");
        Thread.sleep(1500);
        assertTrue(to(cloud.outbox().all(), "sms", "+447700900456").isEmpty(), "STOP: no more SMS");
    }

    @Test
    void quietHoursHoldAStoryUntilTheyEnd() throws Exception {
        LocalTime now = LocalTime.now(ZoneId.of("Europe/London"));
        String from = now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 5);
        String until = now.plusHours(1).withSecond(0).withNano(0).toString().substring(0, 5);
        String cy = newFamily("cy");
        ok(call("PUT", "/me/notification-preferences", cy, "{\"clientId\":\"c-rosa\",\"channels\":{\"story-shared\":[\"email\"]},"
                + "\"quietHours\":{\"from\":\"" + from + "\",\"until\":\"" + until + "\",\"holdUntilMorning\":true}}"), 200);
        ok(call("POST", "/clients/c-rosa/stories", "w-amara", """
                {"title":"Back in the garden","text":"Rosa planted the bulbs she bought.","date":"%s",
                 "domains":["wellbeing"],"consent":"family"}""".formatted(java.time.LocalDate.now(ZoneId.of("Europe/London")))), 201);
        var held = new HeldNotificationStore(data);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        long end = System.nanoTime() + WAIT.toNanos();
        List<HeldNotification> waiting = List.of();
        while (waiting.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            waiting = java.util.stream.Stream.of(today, today.plusDays(1))
                    .flatMap(d -> held.due(d, Instant.now().plus(Duration.ofHours(2))).stream())
                    .filter(x -> x.key().endsWith("#" + cy)).toList();
        }
        assertEquals(1, waiting.size(), "the story is held");
        assertTrue(to(cloud.outbox().all(), "email", "cy@example.org").isEmpty(), "not sent in quiet hours");
        ok(CloudHttp.runSchedule(cloud, "NotificationScheduleFunction", "EveryFiveMinutes"), 200);
        Thread.sleep(500);
        assertTrue(to(cloud.outbox().all(), "email", "cy@example.org").isEmpty(), "not due yet");

        // The clock moves on: the held notification falls due.
        HeldNotification h = waiting.getFirst();
        held.release(h);
        held.hold(new HeldNotification(Instant.now().minusSeconds(1), h.key(), h.message()));
        ok(CloudHttp.runSchedule(cloud, "NotificationScheduleFunction", "EveryFiveMinutes"), 200);
        OutboxMessage story = to(await(m -> !to(m, "email", "cy@example.org").isEmpty()), "email", "cy@example.org").getFirst();
        assertEquals("A new story about Rosa", story.subject());
        assertFalse(story.text().contains("bulbs"), "the story's text stays on the page");
    }

    @Test
    void surveyRemindersReachOnlyThoseInvitedWhoHaveNotAnswered() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Europe/London"));
        var periods = new org.whatmatters.data.SurveyPeriodStore(data);
        var contacts = new org.whatmatters.data.ContactStore(data);
        java.util.Set<String> waiting = new java.util.TreeSet<>();
        java.util.Set<String> answered = new java.util.TreeSet<>();
        for (var contract : new org.whatmatters.data.ContractStore(data).all()) {
            var period = periods.openOn(contract.contractId(), today).orElse(null);
            if (period == null) {
                continue;
            }
            var done = new org.whatmatters.data.SurveyResponseStore(data).ofPeriod(period.periodId()).stream()
                    .map(org.whatmatters.domain.SurveyResponse::respondentId).collect(java.util.stream.Collectors.toSet());
            for (var i : new org.whatmatters.data.InvitationStore(data).ofPeriod(period.periodId())) {
                if (i.respondentType() == org.whatmatters.domain.RespondentType.FAMILY) {
                    (done.contains(i.respondentId()) ? answered : waiting).add(contacts.of(i.respondentId()).email());
                }
            }
        }
        assertTrue(waiting.contains("maria@example.org") && !answered.isEmpty(), waiting + " / " + answered);

        ok(CloudHttp.runSchedule(cloud, "NotificationScheduleFunction", "DailyReminders"), 200);
        cloud.queuePoller().awaitIdle(WAIT);
        Thread.sleep(300);
        List<OutboxMessage> all;
        all = cloud.outbox().all();
        java.util.Set<String> reminded = new java.util.TreeSet<>(all.stream().filter(m -> m.channel().equals("email")
                && m.subject().startsWith("A reminder")).map(OutboxMessage::to).toList());
        // Run at night, their quiet hours hold the reminders to the morning: those count as reminded too.
        var held = new HeldNotificationStore(data);
        java.time.LocalDate utc = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.stream.Stream.of(utc, utc.plusDays(1)).flatMap(d -> held.due(d, Instant.now().plus(Duration.ofHours(13))).stream())
                .map(h -> org.whatmatters.notifications.Notification.read(h.message()))
                .filter(n -> n.kind() == org.whatmatters.domain.UpdateKind.SURVEY_REMINDER)
                .forEach(n -> reminded.add(contacts.of(n.recipientId()).email()));
        assertEquals(waiting, reminded, "every invited family member who has not answered, and only they");
        if (!to(all, "email", "maria@example.org").isEmpty()) {
            assertEquals("A reminder: how is Rosa's care going?", to(all, "email", "maria@example.org").getFirst().subject());
        }

        ok(CloudHttp.runSchedule(cloud, "NotificationScheduleFunction", "DailyReminders"), 200);
        Thread.sleep(1500);
        assertEquals(all.size(), cloud.outbox().all().size(), "a second run the same day sends nothing again");
    }
}
