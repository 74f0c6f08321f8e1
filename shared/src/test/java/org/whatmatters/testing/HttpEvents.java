package org.whatmatters.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway HTTP API (payload 2.0) events the way the JWT authorizer would pass them. */
public final class HttpEvents {

    private final String routeKey;
    private final Map<String, String> path = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims = Map.of();
    private String body;

    private HttpEvents(String routeKey) {
        this.routeKey = routeKey;
    }

    public static HttpEvents route(String routeKey) {
        return new HttpEvents(routeKey);
    }

    public HttpEvents path(String name, String value) {
        path.put(name, value);
        return this;
    }

    public HttpEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpEvents header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpEvents as(Map<String, String> callerClaims) {
        this.claims = callerClaims;
        return this;
    }

    public HttpEvents body(String json) {
        this.body = json;
        headers.putIfAbsent("content-type", "application/json");
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build();
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(routeKey)
                .withRequestId("test-" + System.nanoTime())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withPathParameters(path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(ctx)
                .build();
    }
}
