package org.whatmatters.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Role;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.lambda.Priming;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.LogCapture;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/**
 * Telemetry: log lines carry the invocation's ids, counts leave as one Embedded Metric Format line at
 * the end, and the HTTP adapter takes the caller's correlation id, answers with it and logs one request line.
 */
class InvocationTest {

    private static final TestTable TABLE = new TestTable();
    /** An HTTP function with one route that counts a check-in and one that refuses. */
    private static final HttpApiHandler API = new HttpApiHandler(Map.of(
            "POST /visits/{visitId}/check-in", Endpoint.of(r -> {
                Metric.CHECK_INS.add();
                return ApiResponse.ok(Map.of("visitId", r.path("visitId")));
            }, Role.WORKER),
            "GET /visits/{visitId}", Endpoint.of(r -> {
                throw ProblemException.notFound("Visit " + r.path("visitId"));
            }, Role.WORKER)),
            new IdempotencyStore(TABLE.data(), Clock.systemUTC()),
            new Affiliations(TABLE.env(), new TeamStore(TABLE.data()), new CommissionerAccountStore(TABLE.data())),
            Priming.get("GET /visits/{visitId}", "visitId", "priming")) {
    };

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private APIGatewayV2HTTPResponse call(HttpEvents request) {
        return API.handleRequest(request.build(), null);
    }

    @Test
    void aRequestIsLoggedWithTheCallersCorrelationIdAnsweredWithItAndCountedOnce() {
        APIGatewayV2HTTPResponse r = call(HttpEvents.route("POST /visits/{visitId}/check-in").path("visitId", "v-1")
                .as(People.AMARA).header("x-correlation-id", "family-app-42").body("{}"));
        assertEquals(200, r.getStatusCode());
        assertEquals("family-app-42", r.getHeaders().get("x-correlation-id"), "answered with the same id");
        List<JsonNode> lines = log.lines();
        JsonNode request = lines.stream().filter(l -> "request".equals(l.path("message").asText())).findFirst()
                .orElseThrow();
        assertEquals("POST /visits/{visitId}/check-in", request.get("route").asText());
        assertEquals(200, request.get("status").asInt());
        assertEquals("family-app-42", request.get("correlationId").asText());
        assertTrue(request.get("ms").isIntegralNumber());
        List<JsonNode> emf = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(1, emf.size(), lines.toString());
        assertEquals(1, emf.getFirst().get("CheckIns").asInt());
        assertEquals("family-app-42", emf.getFirst().get("correlationId").asText());
        assertFalse(log.text().contains("w-amara\""), "no caller identity in the logs");
    }

    @Test
    void aMalformedCorrelationIdIsReplacedAndARefusalCountsNothing() {
        APIGatewayV2HTTPResponse r = call(HttpEvents.route("GET /visits/{visitId}").path("visitId", "v-2")
                .as(People.AMARA).header("x-correlation-id", "bad id with spaces"));
        assertEquals(404, r.getStatusCode());
        String id = r.getHeaders().get("x-correlation-id");
        assertNotNull(id);
        assertFalse(id.contains(" "), "a malformed id from the caller is not trusted: " + id);
        assertTrue(log.lines().stream().noneMatch(l -> l.has("_aws")), "a refusal counts nothing");
        assertEquals(404, log.lines().getFirst().get("status").asInt());
    }

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
