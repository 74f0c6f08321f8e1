package org.whatmatters.local.cloud.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every message the local SES, SMS and push stand-ins took, in order. Tests and the outbox page read it; a fault
 * rate makes every n-th send fail as a provider would for now (a 5xx), to prove retries send nothing twice.
 */
public final class Outbox {

    private final List<OutboxMessage> messages = new ArrayList<>();
    private final AtomicLong sends = new AtomicLong();
    private volatile int failEvery;

    public synchronized void add(OutboxMessage m) {
        messages.add(m);
        notifyAll();
    }

    public synchronized List<OutboxMessage> all() {
        return List.copyOf(messages);
    }

    public synchronized void clear() {
        messages.clear();
    }

    /** Every n-th send from now fails with a 5xx; 0 for none. */
    public void failEvery(int n) {
        failEvery = Math.max(0, n);
        sends.set(0);
    }

    /** Counts a send; true when this one is to fail. */
    boolean failsNow() {
        int n = failEvery;
        return n > 0 && sends.incrementAndGet() % n == 0;
    }

    /** Waits until at least {@code count} messages are in, or the time is up; the messages then. */
    public synchronized List<OutboxMessage> await(int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (messages.size() < count) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(messages);
    }
}
