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

    /** The Mondays, Wednesdays and Fridays at 10:00 (London) from today to {@code days} days on, still to come. */
    private static java.util.Set<Instant> mondayWednesdayFriday(java.time.LocalDate from, int days, Instant after) {
        java.util.Set<Instant> out = new java.util.TreeSet<>();
        for (int d = 0; d <= days; d++) {
            java.time.LocalDate day = from.plusDays(d);
            if (java.util.Set.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.FRIDAY)
                    .contains(day.getDayOfWeek())) {
                Instant start = day.atTime(10, 0).atZone(LONDON).toInstant();
                if (start.isAfter(after)) {
                    out.add(start);
                }
            }
        }
        return out;
    }

    private static java.util.Set<Instant> generated(String scheduleId) throws Exception {
        JsonNode list = ok(call("GET", "/clients/c-arthur/visits?limit=100&from=" + now().minus(Duration.ofDays(3))
                + "&to=" + now().plus(Duration.ofDays(20)), "w-chloe", null), 200);
        java.util.Set<Instant> out = new java.util.TreeSet<>();
        for (JsonNode v : list.get("visits")) {
            if (scheduleId.equals(v.path("scheduleId").asText())) {
                out.add(Instant.parse(v.get("plannedStart").asText()));
            }
        }
        return out;
    }

    @Test
    void aWeeklyScheduleGeneratesTwoWeeksOfVisitsAndTheDailyRunRollsOn() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now(), LONDON);
        JsonNode schedule = ok(call("POST", "/clients/c-arthur/schedules", "w-chloe", """
                {"entries":[{"days":["monday","wednesday","friday"],"start":"10:00","durationMinutes":45,
                  "serviceType":"personal-care","preferredWorkers":["w-chloe"]}],
                 "location":{"address":"3 Mill Row, Leeds LS2 7HT"},"validFrom":"%s"}""".formatted(today)), 201);
        String id = schedule.get("scheduleId").asText();
        java.util.Set<Instant> expected = mondayWednesdayFriday(today, 14, now());
        assertEquals(expected.size(), schedule.at("/generated/created").asInt());
        assertEquals(expected, generated(id), "two weeks of Mondays, Wednesdays and Fridays at 10:00 London time");

        cloud.streams().awaitIdle(WAIT);
        JsonNode feed = ok(call("GET", "/clients/c-arthur/updates?limit=100", "f-tom", null), 200);
        assertFalse(feed.toString().contains(id), "the rota's visits are not announced one by one");

        // A day later the daily run adds the new last day, and a rerun adds nothing.
        cloud.clock().advance(Duration.ofDays(1));
        assertEquals(200, CloudHttp.runSchedule(cloud, "GenerateVisitsFunction", "DailyVisits").statusCode());
        assertEquals(200, CloudHttp.runSchedule(cloud, "GenerateVisitsFunction", "DailyVisits").statusCode());
        java.util.Set<Instant> rolled = new java.util.TreeSet<>(expected);
        rolled.addAll(mondayWednesdayFriday(today.plusDays(1), 14, now()));
        assertEquals(rolled, generated(id));
    }
}
