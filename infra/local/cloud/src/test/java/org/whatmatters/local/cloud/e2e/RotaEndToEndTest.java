package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.messaging.OutboxMessage;
import org.whatmatters.local.engines.TestCloud;

/**
 * The rota end to end on the real template, with the local cloud's clock moved on instead of waiting: a visit
 * nobody checks in to goes late, then missed, and Maria (who chose to hear of it) is told at once even in her
 * quiet hours; a cancelled visit reaches her page live.
 */
class RotaEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @BeforeEach
    void emptyOutbox() {
        cloud.outbox().clear();
    }

    private static HttpResponse<String> call(String method, String path, String who, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, cloud.token(who), body);
    }

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }

    private static Instant now() {
        return cloud.clock().instant();
    }

    private static JsonNode plan(Instant start, Duration length) throws Exception {
        return ok(call("POST", "/clients/c-rosa/visits", "w-amara", """
                {"serviceType":"personal-care","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}""".formatted(start, start.plus(length))), 201);
    }

    private static JsonNode visit(String id) throws Exception {
        return ok(call("GET", "/visits/" + id, "f-maria", null), 200);
    }

    private static void check() throws Exception {
        assertEquals(200, CloudHttp.runSchedule(cloud, "VisitCheckFunction", "EveryMinute").statusCode());
        cloud.streams().awaitIdle(WAIT);
    }

    private static List<OutboxMessage> awaitMail(Predicate<OutboxMessage> wanted) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        List<OutboxMessage> found = List.of();
        while (found.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(25);
            found = cloud.outbox().all().stream().filter(wanted).toList();
        }
        return found;
    }

    private static Predicate<OutboxMessage> toMaria(String subject, String sentence) {
        return m -> m.channel().equals("email") && m.to().equals("maria@example.org") && m.subject().equals(subject)
                && m.text().contains(sentence);
    }

    @Test
    void aVisitNobodyChecksInToGoesLateThenMissedAndMariaIsToldInHerQuietHours() throws Exception {
        // Maria sleeps now: quiet hours round the clock's present, held till morning, yet late and missed go at once.
        LocalTime quietFrom = LocalTime.ofInstant(now(), LONDON).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        ok(call("PUT", "/me/notification-preferences", "f-maria", """
                {"clientId":"c-rosa","channels":{"visit-late":["email"],"visit-missed":["email"]},
                 "quietHours":{"from":"%s","until":"%s","holdUntilMorning":true}}"""
                .formatted(quietFrom, quietFrom.plusHours(8))), 200);

        Instant start = now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
        while (LocalTime.ofInstant(start, LONDON).getMinute() % 5 == 0) {
            start = start.plus(Duration.ofMinutes(1)); // not at a demo visit's time: its alerts say the same
        }
        String id = plan(start, Duration.ofMinutes(30)).get("visitId").asText();
        String at = LocalTime.ofInstant(start, LONDON).toString();

        cloud.clock().advance(Duration.ofMinutes(10));
        check();
        assertFalse(visit(id).has("lateAt"), "ten minutes in: not late yet");

        cloud.clock().advance(Duration.ofMinutes(8));
        check();
        JsonNode late = visit(id);
        assertEquals("planned", late.get("status").asText());
        assertTrue(late.has("lateAt"), late::toString);
        assertEquals(1, awaitMail(toMaria("Rosa's visit is running late", "planned for " + at)).size(),
                "late, in her quiet hours, at once");

        cloud.clock().advance(Duration.ofMinutes(45));
        check();
        JsonNode missed = visit(id);
        assertEquals("missed", missed.get("status").asText());
        assertEquals(1, awaitMail(toMaria("Rosa's visit was missed", "planned for " + at)).size());

        check();
        cloud.queuePoller().awaitIdle(WAIT);
        assertEquals(1, cloud.outbox().all().stream().filter(toMaria("Rosa's visit was missed", at)).count(),
                "told once, however often the check runs");

        // Amara arrives after all: taken, and counted as late by over an hour.
        JsonNode in = ok(call("POST", "/visits/" + id + "/check-in", "w-amara", "{}"), 200);
        assertEquals("in-progress", in.get("status").asText());
        assertEquals("late", in.at("/timing/punctuality").asText());
        assertTrue(in.at("/timing/minutesLate").asLong() >= 60, in::toString);
    }

    @Test
    void aCancelledVisitShowsAsCancelledOnMariasPageLive() throws Exception {
        Instant tomorrow = now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        String id = plan(tomorrow, Duration.ofHours(1)).get("visitId").asText();
        LiveSocketClient maria = LiveSocketClient.open(cloud, cloud.token("f-maria"), "c-rosa");
        LiveSocketClient tom = LiveSocketClient.open(cloud, cloud.token("f-tom"), "c-arthur");
        try {
            maria.untilPong();
            tom.untilPong();
            ok(call("POST", "/visits/" + id + "/cancel", "w-amara",
                    "{\"requestedBy\":\"family\",\"reason\":\"Rosa is at her daughter's\"}"), 200);
            JsonNode update = maria.next("visit.cancelled");
            assertEquals(id, update.at("/data/visitId").asText());
            assertEquals("family", update.at("/data/cancellation/requestedBy").asText());
            assertEquals("Rosa is at her daughter's", update.at("/data/cancellation/reason").asText());
            assertEquals("cancelled", visit(id).get("status").asText(), "as her page reloads it");
            cloud.streams().awaitIdle(WAIT);
            JsonNode feed = ok(call("GET", "/clients/c-rosa/updates?limit=100", "f-maria", null), 200);
            assertTrue(feed.toString().contains("visit.cancelled"), "in her feed for catch-up");
            assertTrue(tom.untilPong().stream().noneMatch(m -> m.toString().contains(id)),
                    "another person's family hears nothing of it");
            assertEquals(404, call("GET", "/visits/" + id, "f-tom", null).statusCode());
        } finally {
            maria.close();
            tom.close();
        }
    }
}
