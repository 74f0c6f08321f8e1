package org.whatmatters.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.whatmatters.json.Json;

/**
 * A real API handler on a fresh DynamoDB Local table, as the function tests drive it: the call, the
 * reply, and the one "refused, as a problem, and nothing written" assertion with its table snapshot.
 * Each function's test fixture extends it with its own seed data and request builders.
 */
public class ApiFixture {

    /** A reply: status, headers, the body as JSON when it is JSON, and as text. */
    public record Reply(int status, Map<String, String> headers, JsonNode json, String body) {
        public String contentType() {
            return headers.get("content-type");
        }
    }

    public final TestTable table;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    protected ApiFixture(TestTable table, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.table = table;
        this.handler = handler;
    }

    public Reply call(APIGatewayV2HTTPEvent event) {
        return call(handler, event);
    }

    public Reply call(HttpEvents event) {
        return call(handler, event.build());
    }

    /** Through another handler of the same function on the same table (e.g. one whose clock reads another time). */
    public static Reply call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                             APIGatewayV2HTTPEvent event) {
        var response = handler.handleRequest(event, null);
        String body = response.getBody();
        String type = response.getHeaders() == null ? "" : response.getHeaders().getOrDefault("content-type", "");
        JsonNode json = body != null && type.contains("json") ? Json.read(body, JsonNode.class) : null;
        return new Reply(response.getStatusCode(), response.getHeaders(), json, body);
    }

    /** Calls and expects {@code status}, answering the reply. */
    public Reply expect(int status, HttpEvents event) {
        Reply r = call(event);
        assertEquals(status, r.status(), r::body);
        return r;
    }

    /**
     * Expects an application/problem+json refusal with {@code status} (naming {@code field} when given)
     * that leaves every item of the table as it was.
     */
    public Reply expectRejected(HttpEvents event, int status, String field) {
        var before = table.snapshot();
        Reply r = call(event);
        assertEquals(status, r.status(), r::body);
        assertEquals("application/problem+json", r.contentType());
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("https://whatmatters.care/problems/"));
        assertFalse(p.get("title").asText().isBlank());
        assertFalse(p.get("detail").asText().isBlank());
        if (field != null) {
            List<String> fields = p.get("errors").findValuesAsText("field");
            assertTrue(fields.contains(field), () -> "expected an error for " + field + " in " + p);
        }
        assertEquals(before, table.snapshot(), "a rejected request must write nothing");
        return r;
    }
}
