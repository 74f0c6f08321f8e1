package org.whatmatters.local.cloud;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Standard SQS queues in this JVM: messages with their receive counts, visibility timeouts, delays,
 * retention and redrive to a dead-letter queue, as SQS keeps them. One lock guards every queue
 * (a redrive touches two); waiters (long polls, event source mappings) are woken on every change.
 *
 * <p>Time is the queues' own clock: {@link #passTime} moves it on, so a test can let a visibility
 * timeout, a delay or a retention period pass without waiting for it.
 */
public final class LocalQueues implements AutoCloseable {

    /** SQS's limit on DelaySeconds and the longest long poll. */
    public static final int MAX_DELAY_SECONDS = 900;
    public static final int MAX_WAIT_SECONDS = 20;
    private static final int MAX_ATTRIBUTES = 10;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    /**
     * A message attribute: DataType String, Number or Binary, optionally with a custom label
     * ("Number.int"); a Binary one holds bytes, the others a string.
     */
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {
        public static Attribute string(String value) {
            return new Attribute("String", value, null);
        }

        boolean binary() {
            return dataType.startsWith("Binary");
        }

        int size() {
            return utf8(dataType).length + (binaryValue != null ? binaryValue.length
                    : stringValue == null ? 0 : utf8(stringValue).length);
        }
    }

    /** What SendMessage answers; an MD5 is null when nothing of that kind was sent. */
    public record Sent(String messageId, String md5OfBody, String md5OfAttributes, String md5OfSystemAttributes) {
    }

    /**
     * A received message. {@code systemAttributes} holds SentTimestamp, ApproximateReceiveCount,
     * ApproximateFirstReceiveTimestamp, SenderId and, when they apply, AWSTraceHeader and
     * DeadLetterQueueSourceArn.
     */
    public record Received(String messageId, String receiptHandle, String body, String md5OfBody,
                           Map<String, Attribute> attributes, Map<String, String> systemAttributes) {
    }

    /** ApproximateNumberOfMessages (visible), ...NotVisible (in flight) and ...Delayed. */
    public record Counts(int visible, int notVisible, int delayed) {
        public int total() {
            return visible + notVisible + delayed;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Queue> byName = new LinkedHashMap<>();
    private final Map<String, Queue> byArn = new HashMap<>();
    private final String endpoint;
    private final Clock clock;
    private long offsetMillis;
    private boolean closed;

    private static final class Queue {
        final QueueSpec spec;
        final Map<String, Held> messages = new LinkedHashMap<>();
        final long createdAt;
        Queue deadLetters;
        long purgedAt = Long.MIN_VALUE;

        Queue(QueueSpec spec, long createdAt) {
            this.spec = spec;
            this.createdAt = createdAt;
        }
    }

    /** A message in a queue; a delayed one has never been received and is not yet visible. */
    private static final class Held {
        final String id;
        final String body;
        final Map<String, Attribute> attributes;
        final Map<String, Attribute> systemAttributes;
        final String md5OfBody;
        final long sentAt;
        final String senderId;
        long visibleAt;
        int receiveCount;
        long firstReceiveAt;
        String receipt;
        String deadLetterSourceArn;

        Held(String body, Map<String, Attribute> attributes, Map<String, Attribute> systemAttributes, long sentAt,
             long visibleAt, String senderId) {
            this.id = UUID.randomUUID().toString();
            this.body = body;
            this.attributes = attributes;
            this.systemAttributes = systemAttributes;
            this.md5OfBody = md5OfBody(body);
            this.sentAt = sentAt;
            this.visibleAt = visibleAt;
            this.senderId = senderId;
        }
    }

    /**
     * @param endpoint the local SQS endpoint, from which queue URLs are made
     * @throws IllegalArgumentException when a RedrivePolicy names a queue that is not among them
     */
    public LocalQueues(List<QueueSpec> queues, String endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        for (QueueSpec q : queues) {
            Queue queue = new Queue(q, clock.millis());
            byName.put(q.name(), queue);
            byArn.put(q.arn(), queue);
        }
        for (Queue q : byName.values()) {
            if (q.spec.redrive() != null) {
                q.deadLetters = byArn.get(q.spec.redrive().deadLetterTargetArn());
                if (q.deadLetters == null) {
                    throw new IllegalArgumentException(q.spec.logicalId() + ": RedrivePolicy names "
                            + q.spec.redrive().deadLetterTargetArn() + ", which is not a queue of the template");
                }
            }
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public List<QueueSpec> specs() {
        return byName.values().stream().map(q -> q.spec).toList();
    }

    public String url(String queueName) {
        return queue(queueName).spec.url(endpoint);
    }

    /** The queue's name for a URL of any host whose path ends /{account}/{name}, as SQS reads QueueUrl. */
    public String nameForUrl(String url) {
        String name = url == null ? "" : url.substring(url.lastIndexOf('/') + 1);
        if (!byName.containsKey(name)) {
            throw new SqsError(SqsError.Kind.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        }
        return name;
    }

    public Optional<String> nameForArn(String arn) {
        return Optional.ofNullable(byArn.get(arn)).map(q -> q.spec.name());
    }

    public QueueSpec spec(String queueName) {
        return queue(queueName).spec;
    }

    /** The queues' clock in epoch milliseconds: the wall clock plus whatever {@link #passTime} added. */
    public long now() {
        lock.lock();
        try {
            return clock.millis() + offsetMillis;
        } finally {
            lock.unlock();
        }
    }

    /** Moves the queues' clock on, so delays, visibility timeouts and retention run out without a wait. */
    public void passTime(Duration d) {
        lock.lock();
        try {
            offsetMillis += d.toMillis();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * SendMessage. {@code delaySeconds} null takes the queue's DelaySeconds.
     *
     * @throws SqsError as SQS refuses the message (size, characters, attributes, delay)
     */
    public Sent send(String queueName, String body, Integer delaySeconds, Map<String, Attribute> attributes,
                     Map<String, Attribute> systemAttributes, String senderId) {
        Map<String, Attribute> attrs = attributes == null ? Map.of() : Map.copyOf(attributes);
        Map<String, Attribute> system = systemAttributes == null ? Map.of() : Map.copyOf(systemAttributes);
        lock.lock();
        try {
            Queue q = queue(queueName);
            validate(q.spec, body, delaySeconds, attrs);
            long now = nowLocked();
            int delay = delaySeconds != null ? delaySeconds : q.spec.delaySeconds();
            Held m = new Held(body, attrs, system, now, now + delay * 1000L, senderId);
            q.messages.put(m.id, m);
            changed.signalAll();
            return new Sent(m.id, m.md5OfBody, attrs.isEmpty() ? null : md5OfAttributes(attrs),
                    system.isEmpty() ? null : md5OfAttributes(system));
        } finally {
            lock.unlock();
        }
    }

    /** The size a message counts against MaximumMessageSize: its body and every attribute's name, type and value. */
    static int size(String body, Map<String, Attribute> attributes) {
        int size = body == null ? 0 : utf8(body).length;
        for (var e : attributes.entrySet()) {
            size += utf8(e.getKey()).length + e.getValue().size();
        }
        return size;
    }

    private static void validate(QueueSpec spec, String body, Integer delaySeconds, Map<String, Attribute> attributes) {
        if (body == null || body.isEmpty()) {
            throw new SqsError(SqsError.Kind.MISSING_PARAMETER, "The request must contain the parameter MessageBody.");
        }
        if (!validCharacters(body)) {
            throw new SqsError(SqsError.Kind.INVALID_MESSAGE_CONTENTS, "Invalid characters found. Valid unicode "
                    + "characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS)) {
            throw SqsError.invalid("Value " + delaySeconds + " for parameter DelaySeconds is invalid. Reason: "
                    + "DelaySeconds must be >= 0 and <= " + MAX_DELAY_SECONDS + ".");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw SqsError.invalid("Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        attributes.forEach((name, a) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!ATTRIBUTE_NAME.matcher(name).matches() || lower.startsWith("aws.") || lower.startsWith("amazon.")
                    || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
                throw SqsError.invalid("Message attribute name '" + name + "' is invalid.");
            }
            String base = a.dataType() == null ? "" : a.dataType().split("\\.", 2)[0];
            boolean stringType = base.equals("String") || base.equals("Number");
            if (!stringType && !base.equals("Binary")) {
                throw SqsError.invalid("The type of message (user) attribute '" + name + "' is invalid. You must use "
                        + "only the following supported type prefixes: Binary, Number, String.");
            }
            boolean hasValue = stringType ? a.stringValue() != null && !a.stringValue().isEmpty()
                    : a.binaryValue() != null && a.binaryValue().length > 0;
            if (!hasValue) {
                throw SqsError.invalid("Message (user) attribute '" + name + "' must contain a non-empty value of "
                        + "message attribute type '" + base + "'.");
            }
        });
        int size = size(body, attributes);
        if (size > spec.maximumMessageSize()) {
            throw SqsError.invalid("One or more parameters are invalid. Reason: Message must be shorter than "
                    + spec.maximumMessageSize() + " bytes.");
        }
    }

    private static boolean validCharacters(String s) {
        return s.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * ReceiveMessage: up to {@code max} visible messages, oldest first, each made invisible for
     * {@code visibilityTimeout} seconds (null: the queue's), waiting up to {@code wait} for the first.
     * A message already received maxReceiveCount times goes to the dead-letter queue instead.
     */
    public List<Received> receive(String queueName, int max, Integer visibilityTimeout, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            Queue q = queue(queueName);
            while (true) {
                List<Received> out = takeLocked(q, max, visibilityTimeout);
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || left <= 0 || closed) {
                    return out;
                }
                changed.awaitNanos(Math.min(left, untilNextVisible(q)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the queue has a visible message or {@code deadlineNanos} (System.nanoTime) passes;
     * false at the deadline or once closed.
     */
    public boolean awaitVisible(String queueName, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            Queue q = queue(queueName);
            while (!closed) {
                expire(q, nowLocked());
                if (countsLocked(q).visible() > 0) {
                    return true;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, untilNextVisible(q)));
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private List<Received> takeLocked(Queue q, int max, Integer visibilityTimeout) {
        long now = nowLocked();
        expire(q, now);
        int visibility = visibilityTimeout != null ? visibilityTimeout : q.spec.visibilityTimeout();
        List<Received> out = new ArrayList<>();
        List<Held> toDeadLetters = new ArrayList<>();
        for (Held m : q.messages.values()) {
            if (out.size() >= max) {
                break;
            }
            if (m.visibleAt > now) {
                continue;
            }
            if (q.deadLetters != null && m.receiveCount >= q.spec.redrive().maxReceiveCount()) {
                toDeadLetters.add(m);
                continue;
            }
            m.receiveCount++;
            if (m.receiveCount == 1) {
                m.firstReceiveAt = now;
            }
            m.visibleAt = now + visibility * 1000L;
            m.receipt = receipt(q.spec.name(), m.id);
            out.add(received(m));
        }
        for (Held m : toDeadLetters) {
            // Same message id, sent time and receive count; it is visible in the dead-letter queue at once.
            q.messages.remove(m.id);
            m.receipt = null;
            m.deadLetterSourceArn = q.spec.arn();
            q.deadLetters.messages.put(m.id, m);
        }
        if (!toDeadLetters.isEmpty()) {
            changed.signalAll();
        }
        return out;
    }

    private static Received received(Held m) {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("ApproximateReceiveCount", String.valueOf(m.receiveCount));
        system.put("SentTimestamp", String.valueOf(m.sentAt));
        system.put("SenderId", m.senderId);
        system.put("ApproximateFirstReceiveTimestamp", String.valueOf(m.firstReceiveAt));
        Attribute trace = m.systemAttributes.get("AWSTraceHeader");
        if (trace != null) {
            system.put("AWSTraceHeader", trace.stringValue());
        }
        if (m.deadLetterSourceArn != null) {
            system.put("DeadLetterQueueSourceArn", m.deadLetterSourceArn);
        }
        return new Received(m.id, m.receipt, m.body, m.md5OfBody, m.attributes, system);
    }

    /**
     * DeleteMessage. A handle from an earlier receive of a message received again since, or of one
     * already gone, deletes nothing and is no error, as on a standard queue.
     *
     * @return whether a message was deleted
     * @throws SqsError ReceiptHandleIsInvalid for a handle this queue never gave out
     */
    public boolean delete(String queueName, String receiptHandle) {
        lock.lock();
        try {
            Queue q = queue(queueName);
            String id = messageId(q, receiptHandle);
            Held m = q.messages.get(id);
            if (m == null || !receiptHandle.equals(m.receipt)) {
                return false;
            }
            q.messages.remove(id);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * ChangeMessageVisibility: the message becomes visible {@code seconds} from now (0: at once).
     *
     * @throws SqsError MessageNotInflight when the message is not in flight under this handle
     */
    public void changeVisibility(String queueName, String receiptHandle, int seconds) {
        if (seconds < 0 || seconds > 43_200) {
            throw SqsError.invalid("Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: "
                    + "VisibilityTimeout must be an integer between 0 and 43200.");
        }
        lock.lock();
        try {
            Queue q = queue(queueName);
            Held m = q.messages.get(messageId(q, receiptHandle));
            long now = nowLocked();
            if (m == null || !receiptHandle.equals(m.receipt) || m.visibleAt <= now) {
                throw new SqsError(SqsError.Kind.MESSAGE_NOT_INFLIGHT, "Message does not exist or is not available "
                        + "for visibility timeout change.");
            }
            m.visibleAt = now + seconds * 1000L;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * PurgeQueue: every message goes.
     *
     * @throws SqsError PurgeQueueInProgress within 60 seconds of the last purge, as SQS allows one a minute
     */
    public void purge(String queueName) {
        lock.lock();
        try {
            Queue q = queue(queueName);
            long now = nowLocked();
            if (q.purgedAt != Long.MIN_VALUE && now - q.purgedAt < 60_000) {
                throw new SqsError(SqsError.Kind.PURGE_QUEUE_IN_PROGRESS, "Only one PurgeQueue operation on "
                        + q.spec.name() + " is allowed every 60 seconds.");
            }
            q.purgedAt = now;
            q.messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Counts counts(String queueName) {
        lock.lock();
        try {
            Queue q = queue(queueName);
            expire(q, nowLocked());
            return countsLocked(q);
        } finally {
            lock.unlock();
        }
    }

    /** GetQueueAttributes' values, by attribute name, for the names SQS knows ("All" for every one). */
    public Map<String, String> attributes(String queueName) {
        lock.lock();
        try {
            Queue q = queue(queueName);
            expire(q, nowLocked());
            Counts c = countsLocked(q);
            QueueSpec s = q.spec;
            Map<String, String> a = new LinkedHashMap<>();
            a.put("QueueArn", s.arn());
            a.put("ApproximateNumberOfMessages", String.valueOf(c.visible()));
            a.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(c.notVisible()));
            a.put("ApproximateNumberOfMessagesDelayed", String.valueOf(c.delayed()));
            a.put("CreatedTimestamp", String.valueOf(q.createdAt / 1000));
            a.put("LastModifiedTimestamp", String.valueOf(q.createdAt / 1000));
            a.put("VisibilityTimeout", String.valueOf(s.visibilityTimeout()));
            a.put("MaximumMessageSize", String.valueOf(s.maximumMessageSize()));
            a.put("MessageRetentionPeriod", String.valueOf(s.retentionSeconds()));
            a.put("DelaySeconds", String.valueOf(s.delaySeconds()));
            a.put("ReceiveMessageWaitTimeSeconds", String.valueOf(s.receiveWaitSeconds()));
            if (s.redrive() != null) {
                a.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + s.redrive().deadLetterTargetArn()
                        + "\",\"maxReceiveCount\":" + s.redrive().maxReceiveCount() + "}");
            }
            a.put("SqsManagedSseEnabled", "true");
            return a;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Queue queue(String name) {
        Queue q = byName.get(name);
        if (q == null) {
            throw new SqsError(SqsError.Kind.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        }
        return q;
    }

    private long nowLocked() {
        return clock.millis() + offsetMillis;
    }

    /** Drops messages older than the retention period, counted from when they were first sent. */
    private static void expire(Queue q, long now) {
        long retention = q.spec.retentionSeconds() * 1000L;
        for (Iterator<Held> it = q.messages.values().iterator(); it.hasNext(); ) {
            if (now - it.next().sentAt >= retention) {
                it.remove();
            }
        }
    }

    private Counts countsLocked(Queue q) {
        long now = nowLocked();
        int visible = 0;
        int notVisible = 0;
        int delayed = 0;
        for (Held m : q.messages.values()) {
            if (m.visibleAt <= now) {
                visible++;
            } else if (m.receiveCount == 0) {
                delayed++;
            } else {
                notVisible++;
            }
        }
        return new Counts(visible, notVisible, delayed);
    }

    /** Real nanoseconds until the next message of the queue becomes visible (or a long nap when none will). */
    private long untilNextVisible(Queue q) {
        long now = nowLocked();
        long next = Long.MAX_VALUE;
        for (Held m : q.messages.values()) {
            if (m.visibleAt > now) {
                next = Math.min(next, m.visibleAt);
            }
        }
        return next == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(60) : TimeUnit.MILLISECONDS.toNanos(next - now);
    }

    /** A handle naming the queue, the message and this receive, so a later receive makes it stale. */
    private static String receipt(String queue, String messageId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(queue + "\n" + messageId + "\n"
                + UUID.randomUUID()));
    }

    private static String messageId(Queue q, String receiptHandle) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(receiptHandle == null ? "" : receiptHandle),
                    StandardCharsets.UTF_8).split("\n");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 3 || !parts[0].equals(q.spec.name())) {
            throw new SqsError(SqsError.Kind.RECEIPT_HANDLE_IS_INVALID, "The input receipt handle \""
                    + receiptHandle + "\" is not a valid receipt handle.");
        }
        return parts[1];
    }

    public static String md5OfBody(String body) {
        return HexFormat.of().formatHex(md5().digest(utf8(body)));
    }

    /**
     * SQS's digest of message attributes: by name in order, each as length-prefixed name, data type
     * and value, with transport byte 1 before a string value and 2 before a binary one. The SDK
     * computes the same and refuses an answer whose digest differs.
     */
    public static String md5OfAttributes(Map<String, Attribute> attributes) {
        MessageDigest md5 = md5();
        for (var e : new TreeMap<>(attributes).entrySet()) {
            Attribute a = e.getValue();
            lengthAndBytes(md5, utf8(e.getKey()));
            lengthAndBytes(md5, utf8(a.dataType()));
            if (a.stringValue() != null) {
                md5.update((byte) 1);
                lengthAndBytes(md5, utf8(a.stringValue()));
            } else {
                md5.update((byte) 2);
                lengthAndBytes(md5, a.binaryValue());
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static void lengthAndBytes(MessageDigest md5, byte[] bytes) {
        md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md5.update(bytes);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
