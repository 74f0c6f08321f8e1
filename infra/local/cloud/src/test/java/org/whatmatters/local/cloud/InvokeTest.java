package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/** `./dev invoke` finds the scheduled function for a sample of what its Scheduler Input sends. */
class InvokeTest {

    private static final String INPUT = "{\"run\":\"monthly\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}";

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    @Test
    void aSampleOfTheInputWithItsContextAttributeFilledInMatches() throws Exception {
        assertTrue(Invoke.sameInput(INPUT, json("{\"run\":\"monthly\",\"scheduledTime\":\"2026-12-01T02:00:00Z\"}")));
    }

    @Test
    void anotherValueAFieldMoreOrLessOrNoInputDoesNot() throws Exception {
        assertFalse(Invoke.sameInput(INPUT, json("{\"run\":\"period-end\",\"scheduledTime\":\"2026-12-01T02:00:00Z\"}")));
        assertFalse(Invoke.sameInput(INPUT, json("{\"run\":\"monthly\"}")));
        assertFalse(Invoke.sameInput(INPUT, json("{\"run\":\"monthly\",\"scheduledTime\":\"x\",\"extra\":1}")));
        assertFalse(Invoke.sameInput(null, json("{\"run\":\"monthly\"}")));
        assertFalse(Invoke.sameInput("not json", json("{}")));
    }
}
