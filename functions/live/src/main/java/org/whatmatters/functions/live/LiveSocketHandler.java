package org.whatmatters.functions.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.TokenVerifier;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.Priming;
import org.whatmatters.live.LiveSockets;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.ProblemException;

/**
 * The live WebSocket API: $connect (token and clientId in the query string, since a browser cannot
 * set headers on a WebSocket), $disconnect, subscribe and ping. A refused $connect answers its
 * status and API Gateway refuses the handshake with it; message routes answer on the socket.
 */
public final class LiveSocketHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final LiveSockets sockets;
    private final TokenVerifier tokens;
    private final Affiliations affiliations;
    private final Priming priming;

    /** Lambda's entry point. */
    public LiveSocketHandler() {
        this(LiveSocketComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public LiveSocketHandler(LiveSocketComponent wiring) {
        this.sockets = wiring.sockets();
        this.tokens = wiring.tokens();
        this.affiliations = wiring.affiliations();
        this.priming = Priming.register(() -> handleRequest(primingConnect(), null));
    }

    public Priming priming() {
        return priming;
    }

    /** A $connect whose token is not a JWT: refused (401) before any key is fetched or item written. */
    static APIGatewayV2WebSocketEvent primingConnect() {
        var ctx = new APIGatewayV2WebSocketEvent.RequestContext();
        ctx.setRouteKey("$connect");
        ctx.setConnectionId("priming");
        ctx.setRequestId("priming");
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(ctx);
        event.setQueryStringParameters(Map.of("token", "priming", "clientId", "c-priming"));
        return event;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var ctx = event.getRequestContext();
        String connectionId = ctx.getConnectionId();
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), ctx.getRequestId())) {
            try {
                switch (ctx.getRouteKey()) {
                    case "$connect" -> connect(connectionId, event);
                    case "$disconnect" -> sockets.disconnect(connectionId);
                    case "subscribe" -> sockets.subscribe(connectionId, event.getBody());
                    case "ping" -> sockets.ping(connectionId);
                    default -> throw ProblemException.notFound("Route " + ctx.getRouteKey());
                }
                return status(200);
            } catch (ProblemException e) {
                Log.info("refused", "route", ctx.getRouteKey(), "connectionId", connectionId, "reason", e.getMessage());
                return status(e.problem().status());
            }
        }
    }

    /** The token's claims, then who the data says the caller is, then what they may watch, until the token expires. */
    private void connect(String connectionId, APIGatewayV2WebSocketEvent event) {
        Map<String, String> claims = tokens.verify(query(event, "token"));
        Caller caller = affiliations.resolve(claims);
        sockets.connect(connectionId, caller, Instant.ofEpochSecond(Long.parseLong(claims.get("exp"))), clientIds(event));
    }

    private static String query(APIGatewayV2WebSocketEvent event, String name) {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? null : q.get(name);
    }

    /** {@code clientId} may repeat, and each may be a comma list. */
    private static List<String> clientIds(APIGatewayV2WebSocketEvent event) {
        Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
        List<String> given = multi != null && multi.get("clientId") != null ? multi.get("clientId")
                : query(event, "clientId") == null ? List.of() : List.of(query(event, "clientId"));
        List<String> ids = new ArrayList<>();
        given.forEach(g -> {
            for (String id : g.split(",", -1)) {
                ids.add(id.strip());
            }
        });
        return ids;
    }

    private static APIGatewayV2WebSocketResponse status(int code) {
        APIGatewayV2WebSocketResponse r = new APIGatewayV2WebSocketResponse();
        r.setStatusCode(code);
        return r;
    }
}
