package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours, in the provider's time zone, when a family member is not to be disturbed. The window may
 * run over midnight (21:00–08:00); equal ends mean none. What is not urgent is held to the window's
 * end or dropped, as the person chose.
 */
public record QuietHours(LocalTime from, LocalTime until, boolean holdUntilMorning) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), true);

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /** Send now, at a later instant, or not at all. */
    public sealed interface Decision {
        record SendNow() implements Decision {
        }

        record HoldUntil(Instant at) implements Decision {
        }

        record Drop() implements Decision {
        }
    }

    public Decision decide(UpdateKind kind, Instant at, ZoneId zone) {
        if (kind.urgent() || !contains(at.atZone(zone).toLocalTime())) {
            return new Decision.SendNow();
        }
        return holdUntilMorning ? new Decision.HoldUntil(end(at, zone)) : new Decision.Drop();
    }

    boolean contains(LocalTime t) {
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** The first end of the window after {@code at}, on the provider's clock (a DST change moves the instant, not 08:00). */
    private Instant end(Instant at, ZoneId zone) {
        ZonedDateTime now = at.atZone(zone);
        LocalDate day = now.toLocalTime().isBefore(until) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, until, zone).toInstant();
    }
}
