package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.LocalDynamo;

/**
 * Lambda's SQS event source mapping: takes up to BatchSize visible messages as soon as one is sent
 * (waiting up to MaximumBatchingWindowInSeconds for a fuller batch, never once it is full), invokes
 * the function with an SQSEvent, and deletes what succeeded. A failed message stays in flight until
 * the queue's visibility timeout runs out, then comes again, and goes to the dead-letter queue after
 * maxReceiveCount receives. Up to {@code concurrency} batches of a mapping run at once, each message
 * in one batch only.
 */
public final class QueuePoller implements AutoCloseable {

    /** A function's SQS event on the queue with this name. */
    public record Binding(String functionId, EventSource.SqsQueue source, String queueName) {
        public Binding {
            Objects.requireNonNull(functionId, "functionId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(queueName, "queueName");
        }
    }

    /** @param concurrency batches in flight per mapping when its ScalingConfig sets no MaximumConcurrency */
    public record Options(int concurrency, String region) {
        public static final Options DEFAULTS = new Options(5, LocalDynamo.REGION.id());
    }

    /** Totals since start: invocations, those that failed wholly or in part, and messages deleted. */
    public record Stats(long invocations, long failedInvocations, long messagesDeleted) {
    }

    private final LocalQueues queues;
    private final Invoker invoker;
    private final Options options;
    private final List<Mapping> mappings = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private volatile boolean closed;

    private QueuePoller(LocalQueues queues, Invoker invoker, Options options) {
        this.queues = queues;
        this.invoker = invoker;
        this.options = options;
    }

    /** Starts a poller per enabled binding; a disabled one is kept but never polls, as in Lambda. */
    public static QueuePoller start(LocalQueues queues, Invoker invoker, List<Binding> bindings, Options options) {
        QueuePoller poller = new QueuePoller(queues, invoker, options);
        for (Binding b : bindings) {
            queues.spec(b.queueName()); // fails now for a queue that does not exist
            if (b.source().enabled()) {
                Mapping m = poller.new Mapping(b);
                poller.mappings.add(m);
                poller.threads.execute(m::run);
            }
        }
        return poller;
    }

    public Stats stats() {
        return new Stats(invocations.get(), failedInvocations.get(), deleted.get());
    }

    /**
     * Waits until no mapped queue has a visible message and no batch is being gathered or invoked:
     * whatever was sendable has then been handled. Messages waiting out a delay or a visibility
     * timeout do not count; {@link LocalQueues#passTime} brings them on.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        Waiting.until(() -> mappings.stream().allMatch(Mapping::idle), timeout, "Queues", () -> String.valueOf(stats()));
    }

    @Override
    public void close() {
        closed = true;
        Waiting.stop(threads);
    }

    private static void log(String message) {
        System.err.println("[queue-poller] " + message);
    }

    /** One event source mapping: gathers batches one at a time and invokes up to its concurrency at once. */
    private final class Mapping {
        final Binding binding;
        final EventSource.SqsQueue source;
        final Semaphore slots;
        final String queueArn;
        /** Batches being gathered or invoked; counted up before any message is taken, so idle() cannot miss one. */
        final AtomicInteger active = new AtomicInteger();

        Mapping(Binding binding) {
            this.binding = binding;
            this.source = binding.source();
            this.slots = new Semaphore(source.maximumConcurrency() > 0 ? source.maximumConcurrency()
                    : options.concurrency());
            this.queueArn = queues.spec(binding.queueName()).arn();
        }

        String id() {
            return binding.functionId() + "." + source.name();
        }

        /**
         * The queue first, then the batches: a batch counts itself before it takes a message, so a
         * message gone from the queue by the first look is seen by the second.
         */
        boolean idle() {
            return queues.counts(binding.queueName()).visible() == 0 && active.get() == 0;
        }

        void run() {
            String queue = binding.queueName();
            int batchSize = Math.max(1, source.batchSize());
            long window = TimeUnit.SECONDS.toNanos(Math.max(0, source.maximumBatchingWindowSeconds()));
            while (!closed) {
                try {
                    slots.acquire();
                    boolean dispatched = false;
                    try {
                        if (!queues.awaitVisible(queue, Long.MAX_VALUE)) {
                            continue;
                        }
                        active.incrementAndGet();
                        try {
                            List<LocalQueues.Received> batch = new ArrayList<>(queues.receive(queue, batchSize, null,
                                    Duration.ZERO));
                            long deadline = System.nanoTime() + window;
                            while (!batch.isEmpty() && batch.size() < batchSize && System.nanoTime() < deadline
                                    && queues.awaitVisible(queue, deadline)) {
                                batch.addAll(queues.receive(queue, batchSize - batch.size(), null, Duration.ZERO));
                            }
                            if (!batch.isEmpty()) {
                                threads.execute(() -> {
                                    try {
                                        deliver(batch);
                                    } finally {
                                        active.decrementAndGet();
                                        slots.release();
                                    }
                                });
                                dispatched = true;
                            }
                        } finally {
                            if (!dispatched) {
                                active.decrementAndGet();
                            }
                        }
                    } finally {
                        if (!dispatched) {
                            slots.release();
                        }
                    }
                } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
                    return;
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    log(id() + ": " + e);
                }
            }
        }

        void deliver(List<LocalQueues.Received> batch) {
            invocations.incrementAndGet();
            Set<String> failed;
            String why;
            try {
                String result = invoker.invoke(binding.functionId(), event(batch, queueArn));
                failed = source.reportBatchItemFailures() ? failures(result, batch) : Set.of();
                why = failed == null ? "malformed batchItemFailures response: " + result : "batchItemFailures";
            } catch (Invoker.FunctionError | RuntimeException e) {
                failed = null;
                why = e instanceof Invoker.FunctionError f ? f.errorType() + ": " + f.getMessage() : e.toString();
            }
            int left = 0;
            for (LocalQueues.Received m : batch) {
                if (failed != null && !failed.contains(m.messageId())) {
                    // A handle gone stale (the timeout ran out and the message came again) deletes nothing, as in SQS.
                    if (queues.delete(binding.queueName(), m.receiptHandle())) {
                        deleted.incrementAndGet();
                    }
                } else {
                    left++;
                }
            }
            if (left > 0) {
                failedInvocations.incrementAndGet();
                log(id() + ": " + left + " of " + batch.size() + " message(s) not deleted (" + why
                        + "); they come again after the visibility timeout");
            }
        }
    }

    /**
     * The message ids the response names in batchItemFailures; empty when it names none (a null or
     * empty response, or no list); null when it is malformed or names a message not in the batch,
     * which Lambda takes as the whole batch failing.
     */
    static Set<String> failures(String result, List<LocalQueues.Received> batch) {
        if (result == null || result.isBlank()) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(result);
        } catch (java.io.IOException e) {
            return null;
        }
        JsonNode list = response == null || !response.isObject() ? null : response.get("batchItemFailures");
        if (list == null || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode f : list) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || !ids.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }

    /** The SQSEvent Lambda sends for these messages. */
    private String event(List<LocalQueues.Received> batch, String queueArn) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (LocalQueues.Received m : batch) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.systemAttributes().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            m.attributes().forEach((name, a) -> {
                ObjectNode o = messageAttributes.putObject(name);
                if (a.stringValue() != null) {
                    o.put("stringValue", a.stringValue());
                } else {
                    o.put("binaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
                }
                o.putArray("stringListValues");
                o.putArray("binaryListValues");
                o.put("dataType", a.dataType());
            });
            if (!m.attributes().isEmpty()) {
                r.put("md5OfMessageAttributes", LocalQueues.md5OfAttributes(m.attributes()));
            }
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", options.region());
        }
        return Json.write(event);
    }
}
