package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.LogCapture;
import org.whatmatters.testing.People;

/** Each request logs one JSON line with its correlation id, answers it, and counts what it did in EMF. */
class TelemetryTest {

    private final VisitsApi api = new VisitsApi();
    @RegisterExtension
    final LogCapture log = new LogCapture();

    @Test
    void aCheckInIsLoggedWithTheCallersCorrelationIdAndCountedOnce() {
        VisitsApi.Reply r = api.call(HttpEvents.route("POST /visits/{visitId}/check-in")
                .path("visitId", VisitsApi.SAMPLE_VISIT).as(People.AMARA).header("x-correlation-id", "family-app-42")
                .body("{}"));
        assertEquals(200, r.status());
        assertEquals("family-app-42", r.headers().get("x-correlation-id"), "answered with the same id");
        List<JsonNode> lines = log.lines();
        JsonNode request = lines.stream().filter(l -> "request".equals(l.path("message").asText())).findFirst()
                .orElseThrow();
        assertEquals("POST /visits/{visitId}/check-in", request.get("route").asText());
        assertEquals(200, request.get("status").asInt());
        assertEquals("family-app-42", request.get("correlationId").asText());
        assertTrue(request.get("ms").isIntegralNumber());
        JsonNode emf = lines.stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertEquals(1, emf.get("CheckIns").asInt());
        assertEquals("family-app-42", emf.get("correlationId").asText());
        assertFalse(log.text().contains("w-amara\""),
                "no caller identity in the logs beyond what the request line names");
    }

    @Test
    void withoutACorrelationIdTheApiGatewayRequestIdIsUsedAndARefusalCountsNothing() {
        VisitsApi.Reply r = api.call(HttpEvents.route("POST /visits/{visitId}/check-in")
                .path("visitId", VisitsApi.SAMPLE_VISIT).as(People.CHLOE).header("x-correlation-id", "bad id with spaces")
                .body("{}"));
        assertEquals(404, r.status());
        String id = r.headers().get("x-correlation-id");
        assertNotNull(id);
        assertFalse(id.contains(" "), "a malformed id from the caller is not trusted: " + id);
        assertTrue(log.lines().stream().noneMatch(l -> l.has("_aws")), "a refused check-in counts nothing");
        assertEquals(404, log.lines().getFirst().get("status").asInt());
    }
}
