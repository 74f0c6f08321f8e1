package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.LocalDynamo;

/**
 * Fires the template's Schedule and ScheduleV2 events: each enabled job invokes its function at the
 * times its expression names, with the payload EventBridge would send, retried twice on error as
 * an asynchronous Lambda invoke is.
 */
public final class Scheduler implements AutoCloseable {

    /** RULE: an EventBridge rule (SAM Schedule); SCHEDULER: EventBridge Scheduler (SAM ScheduleV2). */
    public enum Kind { RULE, SCHEDULER }

    public record Job(String functionId, EventSource.Schedule schedule, Kind kind) {
        public Job {
            Objects.requireNonNull(functionId, "functionId");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(kind, "kind");
        }

        public Job(String functionId, EventSource.Schedule schedule) {
            this(functionId, schedule, Kind.RULE);
        }
    }

    /**
     * @param tick         longest sleep between looks at the clock (a test with its own clock shortens it)
     * @param retryDelays  waits before each retry of a failed scheduled invocation
     */
    public record Options(String region, String account, Duration tick, List<Duration> retryDelays) {
        public static final Options DEFAULTS = new Options(LocalDynamo.REGION.id(), "000000000000",
                Duration.ofSeconds(1), List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }

    private final Invoker invoker;
    private final Clock clock;
    private final Options options;
    private final List<Entry> entries;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong passes = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /** One job with its parsed expression and the next time it is due (guarded by the entry). */
    private static final class Entry {
        final Job job;
        final ScheduleExpression expression;
        final ZoneId zone;
        Instant next;

        Entry(Job job, ScheduleExpression expression, ZoneId zone) {
            this.job = job;
            this.expression = expression;
            this.zone = zone;
        }
    }

    private Scheduler(Invoker invoker, List<Entry> entries, Clock clock, Options options) {
        this.invoker = invoker;
        this.entries = entries;
        this.clock = clock;
        this.options = options;
    }

    public static Scheduler start(Invoker invoker, List<Job> jobs, Clock clock) {
        return start(invoker, jobs, clock, Options.DEFAULTS);
    }

    /** @throws IllegalArgumentException for an invalid expression or time zone, naming the job */
    public static Scheduler start(Invoker invoker, List<Job> jobs, Clock clock, Options options) {
        List<Entry> entries = new ArrayList<>();
        Instant now = clock.instant();
        for (Job job : jobs) {
            EventSource.Schedule s = job.schedule();
            ZoneId zone;
            try {
                zone = s.timeZone() == null || s.timeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(s.timeZone());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(job.functionId() + "." + s.name() + ": unknown time zone '"
                        + s.timeZone() + "'", e);
            }
            ScheduleExpression expression;
            try {
                expression = ScheduleExpression.parse(s.expression());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(job.functionId() + "." + s.name() + ": " + e.getMessage(), e);
            }
            Entry entry = new Entry(job, expression, zone);
            // EventBridge Scheduler runs a rate schedule with no start date at once, then every period.
            boolean atOnce = job.kind() == Kind.SCHEDULER && expression.isRate();
            entry.next = !s.enabled() ? null : atOnce ? now : nextAfter(entry, now);
            entries.add(entry);
        }
        Scheduler scheduler = new Scheduler(invoker, List.copyOf(entries), clock, options);
        scheduler.threads.execute(scheduler::loop);
        return scheduler;
    }

    /**
     * Invokes the function now, once, with the payload its schedule would send, and answers its result.
     *
     * @param scheduleName the event's name, or null for the function's first schedule
     * @throws IllegalArgumentException when the function has no such schedule
     * @throws IllegalStateException     when the function fails (its FunctionError is the cause)
     */
    public String runNow(String functionId, String scheduleName) {
        Entry entry = entries.stream()
                .filter(e -> e.job.functionId().equals(functionId))
                .filter(e -> scheduleName == null || e.job.schedule().name().equals(scheduleName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schedule " + (scheduleName == null ? "" :
                        "'" + scheduleName + "' ") + "for function '" + functionId + "'; known: " + names()));
        try {
            return invoker.invoke(functionId, payload(entry, clock.instant()));
        } catch (Invoker.FunctionError e) {
            throw new IllegalStateException(e.errorType() + ": " + e.getMessage(), e);
        }
    }

    /** Each job as function, name, expression, timeZone, enabled and next (ISO-8601, null when never). */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            EventSource.Schedule s = e.job.schedule();
            m.put("function", e.job.functionId());
            m.put("name", s.name());
            m.put("kind", e.job.kind().name());
            m.put("expression", s.expression());
            m.put("timeZone", e.zone.getId());
            m.put("enabled", s.enabled());
            Instant next;
            synchronized (e) {
                next = e.next;
            }
            m.put("next", next == null ? null : next.atZone(e.zone).toOffsetDateTime().toString());
            out.add(m);
        }
        return out;
    }

    private List<String> names() {
        return entries.stream().map(e -> e.job.functionId() + "." + e.job.schedule().name()).toList();
    }

    private void loop() {
        while (!closed) {
            Instant now = clock.instant();
            Instant earliest = null;
            for (Entry e : entries) {
                synchronized (e) {
                    if (e.next != null && !e.next.isAfter(now)) {
                        Instant due = e.next;
                        inFlight.incrementAndGet();
                        try {
                            threads.execute(() -> fire(e, due));
                        } catch (RejectedExecutionException closing) {
                            inFlight.decrementAndGet();
                            return;
                        }
                        // A clock that jumped ahead (a laptop waking) gets one run, not one per missed time.
                        Instant following = nextAfter(e, due);
                        e.next = following != null && !following.isAfter(now) ? nextAfter(e, now) : following;
                    }
                    if (e.next != null && (earliest == null || e.next.isBefore(earliest))) {
                        earliest = e.next;
                    }
                }
            }
            passes.incrementAndGet();
            Duration sleep = options.tick();
            if (earliest != null) {
                Duration until = Duration.between(clock.instant(), earliest);
                if (until.compareTo(sleep) < 0) {
                    sleep = until.isNegative() ? Duration.ZERO : until;
                }
            }
            try {
                Thread.sleep(sleep.plusMillis(1));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Instant nextAfter(Entry e, Instant after) {
        return e.expression.next(after.atZone(e.zone)).map(ZonedDateTime::toInstant).orElse(null);
    }

    private void fire(Entry e, Instant due) {
        try {
            fireWithRetries(e, due);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void fireWithRetries(Entry e, Instant due) {
        String payload = payload(e, due);
        String id = e.job.functionId() + "." + e.job.schedule().name();
        for (int attempt = 0; !closed; attempt++) {
            try {
                invoker.invoke(e.job.functionId(), payload);
                return;
            } catch (Invoker.FunctionError | RuntimeException error) {
                boolean retry = attempt < options.retryDelays().size();
                System.err.println("[scheduler] " + id + " at " + due + " failed (attempt " + (attempt + 1) + "): "
                        + error.getMessage() + (retry ? "; retrying" : "; giving up"));
                if (!retry) {
                    return;
                }
                try {
                    Thread.sleep(options.retryDelays().get(attempt));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Input as declared (an EventBridge rule passes it through untouched; EventBridge Scheduler first
     * replaces its context attributes such as {@code <aws.scheduler.scheduled-time>}), else the
     * "Scheduled Event".
     */
    private String payload(Entry e, Instant time) {
        EventSource.Schedule s = e.job.schedule();
        boolean rule = e.job.kind() == Kind.RULE;
        if (s.input() != null) {
            return rule ? s.input() : s.input()
                    .replace("<aws.scheduler.schedule-arn>", scheduleArn(s))
                    .replace("<aws.scheduler.scheduled-time>", time.truncatedTo(ChronoUnit.SECONDS).toString())
                    .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                    .replace("<aws.scheduler.attempt-number>", "1");
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", rule ? "aws.events" : "aws.scheduler");
        event.put("account", options.account());
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", options.region());
        event.putArray("resources").add(rule
                ? "arn:aws:events:" + options.region() + ":" + options.account() + ":rule/" + s.name()
                : scheduleArn(s));
        // A rule's detail is an empty object; EventBridge Scheduler sends the string "{}".
        if (rule) {
            event.putObject("detail");
        } else {
            event.put("detail", "{}");
        }
        return Json.write(event);
    }

    private String scheduleArn(EventSource.Schedule s) {
        return "arn:aws:scheduler:" + options.region() + ":" + options.account() + ":schedule/default/" + s.name();
    }

    /**
     * Waits until at least one whole pass of the loop began after this call and no run (retries
     * included) is under way: whatever the clock makes due by now has then been sent, so a test can
     * tell that nothing more will be without sleeping.
     */
    void awaitSettled(Duration timeout) {
        long target = passes.get() + 2;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (passes.get() < target || inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the scheduler did not settle within " + timeout);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
