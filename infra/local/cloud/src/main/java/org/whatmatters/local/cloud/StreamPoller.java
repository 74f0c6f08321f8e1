package org.whatmatters.local.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.LocalDynamo;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping: polls each bound table's stream, shard by shard in order,
 * and invokes the function with DynamodbEvent batches, retrying and checkpointing as Lambda does.
 */
public final class StreamPoller implements AutoCloseable {

    /** A function's DynamoDB event on the table with this physical name. */
    public record Binding(String functionId, EventSource.DynamoStream source, String tableName) {
        public Binding {
            Objects.requireNonNull(functionId, "functionId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(tableName, "tableName");
        }
    }

    /**
     * @param pollInterval   wait between reads of a drained shard (Lambda polls about 4 times a second)
     * @param rediscover     how often shards are listed again (DynamoDB Local rolls them)
     * @param retryBackoff   wait before retrying a failed batch, growing with each attempt up to 10x
     */
    public record Options(Duration pollInterval, Duration rediscover, Duration retryBackoff, String region) {
        public static final Options DEFAULTS = new Options(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(200), LocalDynamo.REGION.id());
    }

    /**
     * Where a mapping's DestinationConfig.OnFailure sends the record of a batch it gave up on: the
     * local cloud puts it on the queue or topic with that ARN.
     */
    @FunctionalInterface
    public interface OnFailure {
        OnFailure LOG_ONLY = (arn, record) -> log("no destination " + arn + " locally; the record was " + record);

        void send(String destinationArn, String invocationRecord);
    }

    /** Totals since start: invocations (retries included), records acknowledged, records given up on. */
    public record Stats(long invocations, long failedInvocations, long recordsDelivered, long recordsSkipped) {}

    private final DynamoDbStreamsClient streams;
    private final Invoker invoker;
    private final Options options;
    private final OnFailure onFailure;
    private final List<Mapping> mappings = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean closed;

    private StreamPoller(DynamoDbStreamsClient streams, Invoker invoker, Options options, OnFailure onFailure) {
        this.streams = streams;
        this.invoker = invoker;
        this.options = options;
        this.onFailure = onFailure;
    }

    public static StreamPoller start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, Invoker invoker,
                                     List<Binding> bindings) {
        return start(dynamo, streams, invoker, bindings, Options.DEFAULTS, OnFailure.LOG_ONLY);
    }

    public static StreamPoller start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, Invoker invoker,
                                     List<Binding> bindings, Options options) {
        return start(dynamo, streams, invoker, bindings, options, OnFailure.LOG_ONLY);
    }

    /**
     * Finds each table's stream and positions on it before returning, so a LATEST mapping sees every
     * write made after this call.
     *
     * @throws IllegalArgumentException when a table has no stream
     */
    public static StreamPoller start(DynamoDbClient dynamo, DynamoDbStreamsClient streams, Invoker invoker,
                                     List<Binding> bindings, Options options, OnFailure onFailure) {
        StreamPoller poller = new StreamPoller(streams, invoker, options, onFailure);
        try {
            for (Binding b : bindings) {
                String arn = dynamo.describeTable(r -> r.tableName(b.tableName())).table().latestStreamArn();
                if (arn == null) {
                    throw new IllegalArgumentException(b.functionId() + "." + b.source().name() + ": table "
                            + b.tableName() + " has no stream (declare a StreamSpecification)");
                }
                Mapping m = poller.new Mapping(b, arn);
                m.discover(true);
                poller.mappings.add(m);
                poller.threads.execute(m::run);
            }
        } catch (RuntimeException e) {
            poller.close();
            throw e;
        }
        return poller;
    }

    public Stats stats() {
        return new Stats(invocations.get(), failedInvocations.get(), delivered.get(), skipped.get());
    }

    /**
     * Waits until every shard has been read again after this call and found empty, with no batch in
     * flight: whatever was written before the call has then been handled.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        long mark = System.nanoTime();
        mappings.forEach(m -> m.describeRequested = true);
        Waiting.until(() -> mappings.stream().allMatch(m -> m.idleSince(mark)), timeout, "Streams", () -> String.valueOf(stats()));
    }

    @Override
    public void close() {
        closed = true;
        Waiting.stop(threads);
    }

    private static void log(String message) {
        System.err.println("[stream-poller] " + message);
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** One event source mapping: lists the stream's shards and runs a worker per shard once its parent is done. */
    private final class Mapping {
        final Binding binding;
        final String streamArn;
        final Map<String, ShardWorker> shards = new ConcurrentHashMap<>();
        volatile long describedAt = Long.MIN_VALUE;
        volatile boolean describeRequested;

        Mapping(Binding binding, String streamArn) {
            this.binding = binding;
            this.streamArn = streamArn;
        }

        String id() {
            return binding.functionId() + "." + binding.source().name();
        }

        void run() {
            while (pause(options.pollInterval())) {
                if (describeRequested || System.nanoTime() - describedAt >= options.rediscover().toNanos()) {
                    try {
                        discover(false);
                    } catch (RuntimeException e) {
                        if (!closed) {
                            log(id() + ": cannot describe " + streamArn + ": " + e.getMessage());
                        }
                    }
                }
            }
        }

        void discover(boolean initial) {
            long started = System.nanoTime();
            describeRequested = false;
            boolean latest = "LATEST".equalsIgnoreCase(binding.source().startingPosition());
            String from = null;
            do {
                String exclusiveStart = from;
                DescribeStreamResponse page = streams.describeStream(r -> r.streamArn(streamArn)
                        .exclusiveStartShardId(exclusiveStart));
                for (Shard s : page.streamDescription().shards()) {
                    shards.computeIfAbsent(s.shardId(), id -> {
                        boolean open = s.sequenceNumberRange() == null
                                || s.sequenceNumberRange().endingSequenceNumber() == null;
                        // LATEST applies to the shards open at start; older ones are history to skip.
                        ShardWorker w = new ShardWorker(this, id, s.parentShardId(),
                                initial && latest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON);
                        w.finished = initial && latest && !open;
                        return w;
                    });
                }
                from = page.streamDescription().lastEvaluatedShardId();
            } while (from != null);
            for (ShardWorker w : shards.values()) {
                ShardWorker parent = w.parentId == null ? null : shards.get(w.parentId);
                if (!w.started && !w.finished && (parent == null || parent.finished)) {
                    w.position(); // now, so that LATEST means "after start()" rather than "after a later poll"
                    w.started = true;
                    try {
                        threads.execute(w::run);
                    } catch (RejectedExecutionException closing) {
                        return;
                    }
                }
            }
            describedAt = started;
        }

        boolean idleSince(long mark) {
            return describedAt >= mark && shards.values().stream().allMatch(w -> w.finished || w.idleSince >= mark);
        }
    }

    /** Reads one shard in order, one batch in flight at a time; the buffer is what is read but not yet acknowledged. */
    private final class ShardWorker {
        final Mapping mapping;
        final String shardId;
        final String parentId;
        final ShardIteratorType initialPosition;
        final Deque<Record> buffer = new ArrayDeque<>();
        volatile boolean started;
        volatile boolean finished;
        volatile long idleSince = Long.MIN_VALUE;
        String iterator;
        boolean expired;
        String lastRead;
        int failures;

        ShardWorker(Mapping mapping, String shardId, String parentId, ShardIteratorType initialPosition) {
            this.mapping = mapping;
            this.shardId = shardId;
            this.parentId = parentId;
            this.initialPosition = initialPosition;
        }

        void position() {
            iterator = streams.getShardIterator(r -> r.streamArn(mapping.streamArn).shardId(shardId)
                    .shardIteratorType(lastRead == null ? initialPosition : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(lastRead)).shardIterator();
        }

        void run() {
            int batchSize = Math.max(1, mapping.binding.source().batchSize());
            while (!closed) {
                try {
                    if (expired) {
                        position();
                        expired = false;
                    }
                    boolean readNothing = false;
                    if (buffer.size() < batchSize && iterator != null) {
                        long readAt = System.nanoTime();
                        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(iterator)
                                .limit(Math.min(1000, batchSize - buffer.size())));
                        iterator = page.nextShardIterator();
                        for (Record r : page.records()) {
                            buffer.add(r);
                            lastRead = r.dynamodb().sequenceNumber();
                        }
                        readNothing = page.records().isEmpty();
                        idleSince = readNothing && buffer.isEmpty() ? readAt : Long.MIN_VALUE;
                    }
                    if (!buffer.isEmpty()) {
                        if (!deliver(batchSize) && !pause(backoff())) {
                            return;
                        }
                    } else if (iterator == null) {
                        finished = true;
                        mapping.describeRequested = true; // its children may start now
                        return;
                    } else if (readNothing && !pause(options.pollInterval())) {
                        return;
                    }
                } catch (ExpiredIteratorException e) {
                    expired = true;
                } catch (TrimmedDataAccessException e) {
                    // DynamoDB Local answers this for a TRIM_HORIZON iterator of a shard that stayed empty a
                    // while before its first record; a fresh iterator from the same position reads it.
                    expired = true;
                    if (!pause(options.pollInterval())) {
                        return;
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    log(mapping.id() + " shard " + shardId + ": " + e);
                    if (!pause(options.retryBackoff())) {
                        return;
                    }
                }
            }
        }

        Duration backoff() {
            return options.retryBackoff().multipliedBy(Math.min(failures, 10));
        }

        /** Invokes the function with the head of the buffer; false when it is to be retried. */
        boolean deliver(int batchSize) {
            List<Record> batch = buffer.stream().limit(batchSize).toList();
            EventSource.DynamoStream source = mapping.binding.source();
            int failedFrom;
            String why;
            boolean threw = false;
            invocations.incrementAndGet();
            try {
                String result = invoker.invoke(mapping.binding.functionId(), event(batch, mapping.streamArn));
                failedFrom = source.reportBatchItemFailures() ? firstFailure(result, batch) : batch.size();
                why = failedFrom < 0 ? "malformed batchItemFailures response: " + result : "batchItemFailures";
                failedFrom = Math.max(failedFrom, 0);
            } catch (Invoker.FunctionError | RuntimeException e) {
                failedFrom = 0;
                threw = true;
                why = e instanceof Invoker.FunctionError f ? f.errorType() + ": " + f.getMessage() : e.toString();
            }
            for (int i = 0; i < failedFrom; i++) {
                buffer.removeFirst();
            }
            delivered.addAndGet(failedFrom);
            if (failedFrom == batch.size()) {
                failures = 0;
                return true;
            }
            failedInvocations.incrementAndGet();
            failures = failedFrom > 0 ? 1 : failures + 1;
            int max = source.maximumRetryAttempts();
            if (max >= 0 && failures > max) {
                int dropped = batch.size() - failedFrom;
                for (int i = 0; i < dropped; i++) {
                    buffer.removeFirst();
                }
                skipped.addAndGet(dropped);
                failures = 0;
                log(mapping.id() + ": skipping " + dropped + " record(s) " + sequence(batch.get(failedFrom)) + ".."
                        + sequence(batch.getLast()) + " of shard " + shardId + " after " + (max + 1)
                        + " attempt(s); last error: " + why);
                if (source.onFailure() != null) {
                    onFailure.send(source.onFailure(), invocationRecord(mapping, shardId,
                            batch.subList(failedFrom, batch.size()), max + 1, threw));
                }
                return true;
            }
            log(mapping.id() + ": batch failed at " + sequence(batch.get(failedFrom)) + " (" + why + "), retrying");
            return false;
        }
    }

    /**
     * What Lambda sends an on-failure destination for records it gave up on: where they are in the
     * stream (not the records themselves), after how many attempts, and how the last one ended.
     */
    private String invocationRecord(Mapping mapping, String shardId, List<Record> dropped, int attempts,
                                    boolean threw) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        ObjectNode request = r.putObject("requestContext");
        request.put("requestId", java.util.UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:" + options.region() + ":" + Resolver.ACCOUNT + ":function:"
                + mapping.binding.functionId());
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", attempts);
        ObjectNode response = r.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (threw) {
            response.put("functionError", "Unhandled");
        }
        r.put("version", "1.0");
        r.put("timestamp", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        ObjectNode info = r.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", sequence(dropped.getFirst()));
        info.put("endSequenceNumber", sequence(dropped.getLast()));
        info.put("approximateArrivalOfFirstRecord", arrival(dropped.getFirst()));
        info.put("approximateArrivalOfLastRecord", arrival(dropped.getLast()));
        info.put("batchSize", dropped.size());
        info.put("streamArn", mapping.streamArn);
        return Json.write(r);
    }

    private static String arrival(Record r) {
        java.time.Instant at = r.dynamodb().approximateCreationDateTime();
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String sequence(Record r) {
        return r.dynamodb().sequenceNumber();
    }

    /**
     * Index of the earliest failed record in the batch; batch size when all succeeded; -1 when the
     * response is malformed, which Lambda treats as the whole batch failing.
     */
    private static int firstFailure(String result, List<Record> batch) {
        if (result == null || result.isBlank()) {
            return batch.size();
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(result);
        } catch (JsonProcessingException e) {
            return -1;
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isEmpty()) {
            return failures == null || failures.isNull() || failures.isArray() ? batch.size() : -1;
        }
        if (!failures.isArray()) {
            return -1;
        }
        int first = batch.size();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                return -1;
            }
            int index = -1;
            for (int i = 0; i < batch.size() && index < 0; i++) {
                if (sequence(batch.get(i)).equals(id.asText())) {
                    index = i;
                }
            }
            if (index < 0) {
                return -1;
            }
            first = Math.min(first, index);
        }
        return first;
    }

    /** The DynamodbEvent Lambda sends for these records. */
    private String event(List<Record> batch, String streamArn) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Record r : batch) {
            ObjectNode o = records.addObject();
            o.put("eventID", r.eventID());
            o.put("eventName", r.eventNameAsString());
            o.put("eventVersion", "1.1");
            o.put("eventSource", "aws:dynamodb");
            o.put("awsRegion", options.region());
            StreamRecord s = r.dynamodb();
            ObjectNode d = o.putObject("dynamodb");
            if (s.approximateCreationDateTime() != null) {
                d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
            }
            if (s.hasKeys()) {
                d.set("Keys", item(s.keys()));
            }
            if (s.hasNewImage()) {
                d.set("NewImage", item(s.newImage()));
            }
            if (s.hasOldImage()) {
                d.set("OldImage", item(s.oldImage()));
            }
            d.put("SequenceNumber", s.sequenceNumber());
            if (s.sizeBytes() != null) {
                d.put("SizeBytes", s.sizeBytes());
            }
            d.put("StreamViewType", s.streamViewTypeAsString());
            o.put("eventSourceARN", streamArn);
            if (r.userIdentity() != null) {
                // A TTL deletion says so, as in AWS.
                o.putObject("userIdentity").put("type", r.userIdentity().type())
                        .put("principalId", r.userIdentity().principalId());
            }
        }
        return Json.write(event);
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        item.forEach((k, v) -> o.set(k, attribute(v)));
        return o;
    }

    /** An AttributeValue in DynamoDB's JSON wire form: {"S":"x"}, {"N":"1"}, {"B":"base64"}, ... */
    private static ObjectNode attribute(AttributeValue v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", base64(v.b()));
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case BS -> {
                ArrayNode set = o.putArray("BS");
                v.bs().forEach(b -> set.add(base64(b)));
            }
            case M -> o.set("M", item(v.m()));
            case L -> {
                ArrayNode list = o.putArray("L");
                v.l().forEach(e -> list.add(attribute(e)));
            }
            default -> throw new IllegalArgumentException("Unsupported attribute value " + v);
        }
        return o;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
