package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

class SchedulerTest {

    private static final Instant START = Instant.parse("2024-06-01T10:00:00Z");
    private static final Scheduler.Options FAST = new Scheduler.Options("eu-west-2", "000000000000",
            Duration.ofMillis(5), List.of(Duration.ofMillis(10), Duration.ofMillis(10)));

    private final ManualClock clock = new ManualClock(START);
    private final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final Invoker invoker = (functionId, payload) -> {
        payloads.add(payload);
        if (failuresLeft.getAndDecrement() > 0) {
            throw new Invoker.FunctionError("RuntimeException", "boom", null);
        }
        return "{\"handled\":\"" + functionId + "\"}";
    };
    private final List<Scheduler> started = new ArrayList<>();

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static Scheduler.Job job(String expression, String input, boolean enabled, String zone) {
        return new Scheduler.Job("CleanupFunction", new EventSource.Schedule("Nightly", expression, input, enabled, zone));
    }

    private Scheduler start(Scheduler.Job... jobs) {
        Scheduler s = Scheduler.start(invoker, List.of(jobs), clock, FAST);
        started.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        started.forEach(Scheduler::close);
    }

    /** What was sent once the scheduler has settled (null when nothing was): no timed wait. */
    private String settled(Scheduler scheduler) {
        scheduler.awaitSettled(Duration.ofSeconds(5));
        return payloads.poll();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void rateFiresOncePerPeriodAsTheClockMoves() throws Exception {
        Scheduler scheduler = start(job("rate(1 minute)", null, true, null));
        assertNull(settled(scheduler), "nothing is due before a minute has passed");

        clock.advance(Duration.ofMinutes(1));
        JsonNode event = json(payloads.poll(2, TimeUnit.SECONDS));
        assertEquals("2024-06-01T10:01:00Z", event.get("time").asText());
        assertEquals("aws.events", event.get("source").asText());

        clock.advance(Duration.ofMinutes(1));
        assertEquals("2024-06-01T10:02:00Z", json(payloads.poll(2, TimeUnit.SECONDS)).get("time").asText());
        assertEquals("2024-06-01T10:03Z", scheduler.describe().getFirst().get("next"));

        // A clock that jumps ten minutes (a laptop waking) gets one run, not ten.
        clock.advance(Duration.ofMinutes(10));
        assertNotNull(payloads.poll(2, TimeUnit.SECONDS));
        assertNull(settled(scheduler));
    }

    @Test
    void cronFiresAtItsTimeInItsZone() throws Exception {
        Scheduler scheduler = start(job("cron(0 9 * * ? *)", null, true, "Europe/London"));
        assertEquals("2024-06-02T09:00+01:00", scheduler.describe().getFirst().get("next"));
        clock.advance(Duration.ofHours(22)); // 2024-06-02T08:00Z is 09:00 in London
        assertEquals("2024-06-02T08:00:00Z", json(payloads.poll(2, TimeUnit.SECONDS)).get("time").asText());
    }

    @Test
    void runNowSendsTheScheduledEventOfARule() throws Exception {
        Scheduler scheduler = start(job("rate(1 hour)", null, true, null));
        String result = scheduler.runNow("CleanupFunction", null);

        assertEquals("{\"handled\":\"CleanupFunction\"}", result);
        JsonNode event = json(payloads.poll());
        assertEquals(List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources",
                "detail"), iterable(event.fieldNames()));
        assertEquals("0", event.get("version").asText());
        UUID.fromString(event.get("id").asText());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("000000000000", event.get("account").asText());
        assertEquals("2024-06-01T10:00:00Z", event.get("time").asText());
        assertEquals("eu-west-2", event.get("region").asText());
        assertEquals("arn:aws:events:eu-west-2:000000000000:rule/Nightly", event.get("resources").get(0).asText());
        assertTrue(event.get("detail").isObject() && event.get("detail").isEmpty());
    }

    @Test
    void runNowSendsTheEventOfAnEventBridgeSchedule() throws Exception {
        Scheduler scheduler = start(new Scheduler.Job("CleanupFunction",
                new EventSource.Schedule("Hourly", "rate(1 hour)", null, true, null), Scheduler.Kind.SCHEDULER));
        assertNotNull(payloads.poll(2, TimeUnit.SECONDS), "a rate schedule with no start date runs at once");
        scheduler.runNow("CleanupFunction", "Hourly");

        JsonNode event = json(payloads.poll(2, TimeUnit.SECONDS));
        assertEquals("aws.scheduler", event.get("source").asText());
        assertEquals("arn:aws:scheduler:eu-west-2:000000000000:schedule/default/Hourly",
                event.get("resources").get(0).asText());
        assertTrue(event.get("detail").isTextual(), "EventBridge Scheduler sends detail as a string");
        assertEquals("{}", event.get("detail").asText());
    }

    @Test
    void aSchedulerRateWithNoStartDateRunsAtOnceThenEveryPeriod() throws Exception {
        Scheduler scheduler = start(new Scheduler.Job("CleanupFunction",
                new EventSource.Schedule("Hourly", "rate(1 hour)", null, true, null), Scheduler.Kind.SCHEDULER));
        assertEquals(START.toString(), json(payloads.poll(2, TimeUnit.SECONDS)).get("time").asText());
        assertNull(settled(scheduler), "once, not again until the hour is up");
        clock.advance(Duration.ofHours(1));
        assertEquals(START.plus(Duration.ofHours(1)).toString(),
                json(payloads.poll(2, TimeUnit.SECONDS)).get("time").asText());
    }

    @Test
    void inputIsPassedThroughAsIs() throws Exception {
        String input = "{\"task\": \"purge\", \"days\": 30}";
        start(job("rate(5 minutes)", input, true, null)).runNow("CleanupFunction", "Nightly");
        assertEquals(input, payloads.poll());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(input, payloads.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void schedulerInputHasItsContextAttributesFilledInButARuleInputIsNot() throws Exception {
        String input = "{\"run\":\"monthly\",\"at\":\"<aws.scheduler.scheduled-time>\",\"arn\":\"<aws.scheduler.schedule-arn>\"}";
        Scheduler scheduler = start(new Scheduler.Job("CleanupFunction", new EventSource.Schedule("Nightly",
                "rate(5 minutes)", input, true, null, true), Scheduler.Kind.SCHEDULER));
        assertEquals(Json.MAPPER.readTree(payloads.poll(2, TimeUnit.SECONDS)).get("at").asText(), START.toString(),
                "the run at once");
        scheduler.runNow("CleanupFunction", "Nightly");
        JsonNode sent = Json.MAPPER.readTree(payloads.poll(2, TimeUnit.SECONDS));
        assertEquals("monthly", sent.get("run").asText());
        assertEquals(START.toString(), sent.get("at").asText());
        assertEquals("arn:aws:scheduler:eu-west-2:000000000000:schedule/default/Nightly", sent.get("arn").asText());

        start(job("rate(5 minutes)", input, true, null)).runNow("CleanupFunction", "Nightly");
        assertEquals(input, payloads.poll(), "an EventBridge rule passes its Input through untouched");
    }

    @Test
    void aFailedScheduledInvocationIsRetriedTwice() throws Exception {
        failuresLeft.set(2);
        Scheduler scheduler = start(job("rate(1 minute)", null, true, null));
        clock.advance(Duration.ofMinutes(1));
        String first = payloads.poll(2, TimeUnit.SECONDS);
        assertEquals(first, payloads.poll(2, TimeUnit.SECONDS), "the retry resends the same event");
        assertEquals(first, payloads.poll(2, TimeUnit.SECONDS));
        assertNull(settled(scheduler), "it succeeded on the second retry");
    }

    @Test
    void aScheduledInvocationThatKeepsFailingIsGivenUpAfterTwoRetries() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        Scheduler scheduler = start(job("rate(1 minute)", null, true, null));
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertNotNull(payloads.poll(2, TimeUnit.SECONDS));
        }
        assertNull(settled(scheduler));
    }

    @Test
    void aDisabledScheduleNeverFiresButCanBeRunByHand() throws Exception {
        Scheduler scheduler = start(job("rate(1 minute)", null, false, null));
        assertNull(scheduler.describe().getFirst().get("next"));
        assertEquals(false, scheduler.describe().getFirst().get("enabled"));
        clock.advance(Duration.ofMinutes(5));
        assertNull(settled(scheduler));
        scheduler.runNow("CleanupFunction", null);
        assertNotNull(payloads.poll());
    }

    @Test
    void runNowExplainsWhatIsWrong() {
        Scheduler scheduler = start(job("rate(1 minute)", null, false, null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> scheduler.runNow("NoSuchFunction", null));
        assertTrue(unknown.getMessage().contains("NoSuchFunction")
                && unknown.getMessage().contains("CleanupFunction.Nightly"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scheduler.runNow("CleanupFunction", "Weekly"));

        failuresLeft.set(1);
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> scheduler.runNow("CleanupFunction", null));
        assertInstanceOf(Invoker.FunctionError.class, failed.getCause());
    }

    @Test
    void anInvalidScheduleIsRejectedAtStartNamingItsFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(job("cron(0 9 * * * *)", null, true, null)));
        assertTrue(e.getMessage().contains("CleanupFunction.Nightly") && e.getMessage().contains("cron(0 9 * * * *)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> start(job("rate(1 hour)", null, true, "Mars/Olympus")));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
