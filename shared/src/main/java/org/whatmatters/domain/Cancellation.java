package org.whatmatters.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a visit did not take place as planned: who asked, why, when they asked (the notice is counted from
 * then), and who recorded it when.
 */
public record Cancellation(CancellationRequester requestedBy, String reason, Instant askedAt, Instant recordedAt,
                           String recordedBy) {

    /** Whole minutes of notice before the planned start; 0 when asked at or after it. */
    public long noticeMinutes(Instant plannedStart) {
        return Math.max(0, Duration.between(askedAt, plannedStart).toMinutes());
    }
}
