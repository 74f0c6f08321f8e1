package org.whatmatters.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whatmatters.testing.LogCapture;

/** Log lines carry the invocation's ids; counts leave as one Embedded Metric Format line at the end. */
class InvocationTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @Test
    void aLogLineIsOneJsonObjectWithTheInvocationsIds() {
        try (Invocation ignored = Invocation.begin("VisitsApiFunction", "req-1", "corr-1")) {
            Log.info("request", "route", "GET /visits/{visitId}", "status", 200, "absent", null);
        }
        JsonNode line = log.lines().getFirst();
        assertEquals("INFO", line.get("level").asText());
        assertEquals("request", line.get("message").asText());
        assertEquals("VisitsApiFunction", line.get("function").asText());
        assertEquals("req-1", line.get("requestId").asText());
        assertEquals("corr-1", line.get("correlationId").asText());
        assertEquals(200, line.get("status").asInt());
        assertFalse(line.has("absent"), "null fields are left out");
        assertTrue(line.get("timestamp").asText().endsWith("Z"));
    }

    @Test
    void countsLeaveAsOneEmbeddedMetricFormatLine() throws Exception {
        try (Invocation ignored = Invocation.begin("FanOutFunction", "req-2", "corr-2");
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Metric.PUSHES_SENT.add();
            Metric.PUSHES_SENT.add(2);
            // posted from virtual threads, as the fan-out does
            threads.submit(() -> Metric.PUSHES_GONE.add()).get();
        }
        List<JsonNode> lines = log.lines();
        assertEquals(1, lines.size(), lines.toString());
        JsonNode emf = lines.getFirst();
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertEquals(Invocation.NAMESPACE, directive.get("Namespace").asText());
        assertEquals("[[\"Function\"]]", directive.get("Dimensions").toString());
        assertEquals(2, directive.get("Metrics").size(), "only what was counted");
        assertEquals("PushesSent", directive.at("/Metrics/0/Name").asText());
        assertEquals("Count", directive.at("/Metrics/0/Unit").asText());
        assertTrue(emf.at("/_aws/Timestamp").isIntegralNumber());
        assertEquals("FanOutFunction", emf.get("Function").asText());
        assertEquals(3, emf.get("PushesSent").asLong());
        assertEquals(1, emf.get("PushesGone").asLong());
        assertEquals("corr-2", emf.get("correlationId").asText());
    }

    @Test
    void nothingCountedWritesNoMetricLineAndOutsideAnInvocationNothingIsCounted() {
        Metric.CHECK_INS.add();
        try (Invocation ignored = Invocation.begin("VisitsApiFunction", "req-3", "corr-3")) {
            assertEquals("corr-3", Invocation.current().orElseThrow().correlationId());
        }
        assertTrue(log.lines().isEmpty(), "no line: " + log.lines());
        assertTrue(Invocation.current().isEmpty(), "the invocation ended with its scope");
    }
}
