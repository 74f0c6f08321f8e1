package org.whatmatters.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.whatmatters.domain.QuietHours.Decision;

/** Quiet hours on the provider's clock: the window, holding to the morning across DST, and what breaks through. */
class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @ParameterizedTest
    @CsvSource({"20:59, false", "21:00, true", "23:59, true", "00:00, true", "07:59, true", "08:00, false", "12:00, false"})
    void aWindowOverMidnightHoldsTheNightOnly(String time, boolean quiet) {
        assertEquals(quiet, QuietHours.DEFAULT.contains(LocalTime.parse(time)));
    }

    @Test
    void aDaytimeWindowAndEqualEnds() {
        QuietHours nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 30), true);
        assertTrue(nap.contains(LocalTime.of(13, 0)));
        assertFalse(nap.contains(LocalTime.of(14, 30)));
        assertFalse(nap.contains(LocalTime.of(21, 0)));
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), true);
        assertEquals(new Decision.SendNow(), none.decide(UpdateKind.STORY_SHARED, Instant.parse("2026-12-03T03:00:00Z"), LONDON));
    }

    @Test
    void aStoryAtNightIsHeldToEightInTheMorningOnTheProvidersClock() {
        // 22:30 in London in winter (UTC) is held to 08:00 the next day.
        assertEquals(new Decision.HoldUntil(Instant.parse("2026-12-04T08:00:00Z")),
                QuietHours.DEFAULT.decide(UpdateKind.STORY_SHARED, Instant.parse("2026-12-03T22:30:00Z"), LONDON));
        // 05:00 is held to 08:00 the same day.
        assertEquals(new Decision.HoldUntil(Instant.parse("2026-12-04T08:00:00Z")),
                QuietHours.DEFAULT.decide(UpdateKind.ARRIVED, Instant.parse("2026-12-04T05:00:00Z"), LONDON));
        // Across the clocks going forward (29 March 2026), 08:00 is 07:00 UTC.
        assertEquals(new Decision.HoldUntil(Instant.parse("2026-03-29T07:00:00Z")),
                QuietHours.DEFAULT.decide(UpdateKind.STORY_SHARED, Instant.parse("2026-03-28T23:00:00Z"), LONDON));
        // and in summer 21:30 BST is 20:30 UTC: quiet already.
        assertEquals(new Decision.HoldUntil(Instant.parse("2026-07-02T07:00:00Z")),
                QuietHours.DEFAULT.decide(UpdateKind.STORY_SHARED, Instant.parse("2026-07-01T20:30:00Z"), DUBLIN));
        assertEquals(new Decision.SendNow(),
                QuietHours.DEFAULT.decide(UpdateKind.STORY_SHARED, Instant.parse("2026-07-01T19:30:00Z"), DUBLIN));
    }

    @Test
    void onlyLateOrMissedVisitsBreakThroughAndDroppingIsThePersonsChoice() {
        Instant night = Instant.parse("2026-12-03T23:00:00Z");
        assertEquals(new Decision.SendNow(), QuietHours.DEFAULT.decide(UpdateKind.VISIT_LATE, night, LONDON));
        assertEquals(new Decision.SendNow(), QuietHours.DEFAULT.decide(UpdateKind.VISIT_MISSED, night, LONDON));
        QuietHours drop = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), false);
        assertEquals(new Decision.Drop(), drop.decide(UpdateKind.WEEKLY_DIGEST, night, LONDON));
        assertEquals(new Decision.SendNow(), drop.decide(UpdateKind.VISIT_MISSED, night, LONDON));
        for (UpdateKind kind : UpdateKind.values()) {
            assertEquals(kind == UpdateKind.VISIT_LATE || kind == UpdateKind.VISIT_MISSED, kind.urgent(), kind.toString());
        }
    }
}
