package org.whatmatters.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.json.Json;

/** The words of the rota's notifications, from what the queue carries (the essentials of the update's data). */
class MessageTextTest {

    private final MessageText text = new MessageText(ZoneId.of("Europe/London"), "https://care.example/");

    private RenderedMessage render(UpdateKind kind, String data) {
        JsonNode essentials = MessageText.essentials(Json.read(data, JsonNode.class));
        return text.render(new Notification("u-1", kind, Channel.EMAIL, "f-maria", "c-rosa",
                Instant.parse("2026-12-07T08:00:00Z"), essentials), "Rosa");
    }

    @Test
    void aCancelledVisitSaysSoButNotWhy() {
        RenderedMessage m = render(UpdateKind.VISIT_CHANGED, """
                {"visitId":"v-1","plannedStart":"2026-12-07T09:00:00Z",
                 "cancellation":{"requestedBy":"provider","reason":"Rosa is in hospital","askedAt":"2026-12-06T18:00:00Z"}}""");
        assertEquals("Rosa's visit is cancelled", m.subject());
        assertTrue(m.text().contains("Rosa's visit on Monday 7 December at 09:00 is cancelled."), m.text());
        assertFalse(m.text().contains("hospital"), "the reason stays on the page");
    }

    @Test
    void aMovedVisitGivesItsNewDayAndTimeInTheProvidersZone() {
        RenderedMessage m = render(UpdateKind.VISIT_CHANGED, """
                {"visitId":"v-1","plannedStart":"2026-07-07T13:30:00Z","workers":[{"workerId":"w-ben","displayName":"Ben"}]}""");
        assertEquals("Rosa's visit has changed", m.subject());
        assertTrue(m.text().contains("now on Tuesday 7 July at 14:30"), m.text());
    }

    @Test
    void lateAndMissedNameThePlannedTime() {
        String data = "{\"visitId\":\"v-1\",\"plannedStart\":\"2026-12-07T09:00:00Z\"}";
        assertEquals("Rosa's visit is running late", render(UpdateKind.VISIT_LATE, data).subject());
        assertTrue(render(UpdateKind.VISIT_LATE, data).text().contains("planned for 09:00 has not started yet"));
        assertTrue(render(UpdateKind.VISIT_MISSED, data).text().contains("planned for 09:00 did not take place"));
    }
}
