package org.whatmatters.local.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local cloud's one clock: the system's, moved on by a test ({@link #advance}) to see what time does (a
 * visit going late, then missed) without waiting. Every function, token, schedule and queue reads it; views
 * in other zones share the offset.
 */
public final class LocalClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public LocalClock() {
        this(new AtomicReference<>(Duration.ZERO), java.time.ZoneOffset.UTC);
    }

    private LocalClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves time on for everything in the local cloud; never back. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** How far ahead of the system clock it is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new LocalClock(offset, other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
