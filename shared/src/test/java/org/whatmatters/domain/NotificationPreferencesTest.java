package org.whatmatters.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/** A family member's choices: the defaults, SMS only when verified, one-click unsubscribe, an immutable copy. */
class NotificationPreferencesTest {

    @Test
    void theDefaultsAreWhatAFamilyWouldPick() {
        NotificationPreferences d = NotificationPreferences.defaults("f-maria", "c-rosa");
        assertEquals(Set.of(Channel.PUSH), d.channelsFor(UpdateKind.ARRIVED, false));
        assertEquals(Set.of(Channel.EMAIL), d.channelsFor(UpdateKind.SURVEY_OPEN, false));
        assertEquals(Set.of(Channel.EMAIL), d.channelsFor(UpdateKind.SURVEY_REMINDER, false));
        assertEquals(Set.of(Channel.EMAIL), d.channelsFor(UpdateKind.WEEKLY_DIGEST, false));
        assertEquals(Set.of(Channel.PUSH, Channel.EMAIL), d.channelsFor(UpdateKind.VISIT_MISSED, false));
        assertEquals(Set.of(), d.channelsFor(UpdateKind.STORY_SHARED, false));
        assertEquals(QuietHours.DEFAULT, d.quietHours());
        for (UpdateKind kind : UpdateKind.values()) {
            assertFalse(d.channelsFor(kind, true).contains(Channel.SMS), "no SMS by default: " + kind);
        }
    }

    @Test
    void smsGoesOnlyToAVerifiedNumberAndUnsubscribingTurnsOneChannelOff() {
        NotificationPreferences p = new NotificationPreferences("f-maria", "c-rosa",
                Map.of(UpdateKind.ARRIVED, Set.of(Channel.SMS, Channel.PUSH)), QuietHours.DEFAULT);
        assertEquals(Set.of(Channel.PUSH), p.channelsFor(UpdateKind.ARRIVED, false));
        assertEquals(Set.of(Channel.SMS, Channel.PUSH), p.channelsFor(UpdateKind.ARRIVED, true));
        assertEquals(Set.of(), p.channelsFor(UpdateKind.VISIT_LATE, true), "a kind not chosen goes nowhere");
        NotificationPreferences off = p.without(UpdateKind.ARRIVED, Channel.PUSH);
        assertEquals(Set.of(Channel.SMS), off.channelsFor(UpdateKind.ARRIVED, true));
        assertEquals(Set.of(Channel.SMS, Channel.PUSH), p.channelsFor(UpdateKind.ARRIVED, true), "unchanged");
    }

    @Test
    void theChoicesAreACopyAndWriteAsTheirWireNames() {
        Map<UpdateKind, Set<Channel>> mutable = new HashMap<>();
        mutable.put(UpdateKind.ARRIVED, Set.of(Channel.EMAIL));
        NotificationPreferences p = new NotificationPreferences("f-tom", "c-arthur", mutable, QuietHours.DEFAULT);
        mutable.put(UpdateKind.ARRIVED, Set.of(Channel.SMS));
        assertEquals(Set.of(Channel.EMAIL), p.channelsFor(UpdateKind.ARRIVED, true));
        assertThrows(UnsupportedOperationException.class, () -> p.channels().put(UpdateKind.ARRIVED, Set.of()));
        String json = Json.write(NotificationPreferences.defaults("f-tom", "c-arthur"));
        assertTrue(json.contains("\"weekly-digest\":[\"email\"]"), json);
        assertTrue(json.contains("\"visit-missed\":["), json);
    }
}
