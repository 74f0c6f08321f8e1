package org.whatmatters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import org.whatmatters.problem.Problem;
import org.whatmatters.problem.ProblemException;

/**
 * The HTTP API adapter every API function shares: payload format 2.0 in, a route by its route key,
 * problems out. Anything unexpected is logged and answered as a 500 problem without internals.
 */
public abstract class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Bodies are small JSON documents; anything bigger is refused before it is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Map<String, Endpoint> routes;
    private final IdempotencyStore idempotency;
    private final Affiliations affiliations;
    private final Priming priming;

    /**
     * {@code routes} by route key; each handler lists them as docs/openapi.yaml does (by resource, then method), so
     * the two read side by side. Write routes (POST, PUT, PATCH, DELETE) honour an Idempotency-Key header through
     * {@code idempotency};
     * {@code affiliations} turns the verified claims into the caller the services are given.
     * {@code primingRequest}, a read-only request, runs before a SnapStart snapshot (see {@link Priming}).
     */
    protected HttpApiHandler(Map<String, Endpoint> routes, IdempotencyStore idempotency, Affiliations affiliations,
                             APIGatewayV2HTTPEvent primingRequest) {
        this.routes = Map.copyOf(routes);
        this.idempotency = idempotency;
        this.affiliations = affiliations;
        this.priming = Priming.register(() -> handleRequest(primingRequest, null));
    }

    /** The roles that may call each route this function serves (checked against docs/openapi.yaml). */
    public Map<String, Set<Role>> roles() {
        Map<String, Set<Role>> out = new HashMap<>();
        routes.forEach((k, e) -> out.put(k, e.roles()));
        return out;
    }

    public Priming priming() {
        return priming;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        Map<String, String> headers = lowerCase(event.getHeaders());
        String correlationId = correlationId(event, headers);
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            ApiResponse response;
            try {
                response = dispatch(event, headers);
            } catch (ProblemException e) {
                response = ApiResponse.problem(e.problem());
            } catch (RuntimeException e) {
                Log.error("unexpected failure", "route", event.getRouteKey(), "error", e.toString());
                response = ApiResponse.problem(new Problem("https://whatmatters.care/problems/internal",
                        "Something went wrong on our side", 500, "Please try again; reference " + correlationId, null));
            }
            Log.info("request", "route", event.getRouteKey(), "status", response.status(),
                    "ms", (System.nanoTime() - started) / 1_000_000);
            Map<String, String> answer = new HashMap<>(response.headers());
            answer.put("x-correlation-id", correlationId);
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(answer)
                    .withBody(response.body())
                    .withIsBase64Encoded(false)
                    .build();
        }
    }

    /** The caller's x-correlation-id when it is a sane token, else API Gateway's request id. */
    static String correlationId(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        String given = headers.get("x-correlation-id");
        if (given != null && CORRELATION_ID.matcher(given).matches()) {
            return given;
        }
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getRequestId() != null ? ctx.getRequestId() : UUID.randomUUID().toString();
    }

    private ApiResponse dispatch(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        String routeKey = event.getRouteKey();
        Endpoint endpoint = routes.get(routeKey);
        if (endpoint == null) {
            // The API's $default route: a path no route matches (an empty id, a stray slash).
            var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
            throw ProblemException.notFound(http == null ? "Route " + routeKey
                    : "A route " + http.getMethod() + " " + PathIds.shown(http.getPath()));
        }
        boolean read = routeKey.startsWith("GET ");
        Map<String, String> path = PathIds.check(orEmpty(event.getPathParameters()), read);
        if (endpoint.isOpen()) {
            return endpoint.route().handle(new ApiRequest(routeKey, path, orEmpty(event.getQueryStringParameters()),
                    headers, body(event), null));
        }
        Caller caller = affiliations.resolve(claims(event));
        // A caller with no role can do nothing here: refused before anything is read or kept.
        ClientAccess.requireSomeRole(caller);
        ApiRequest request = new ApiRequest(routeKey, path, orEmpty(event.getQueryStringParameters()), headers,
                body(event), caller);
        String key = request.headers().get("idempotency-key");
        // A role that may never call this route is refused by the route itself, without claiming the key.
        if (key == null || read || !endpoint.allows(caller.roles())) {
            return endpoint.route().handle(request);
        }
        return idempotency.run(caller.sub(), key.strip(), fingerprint(event, request.body()),
                () -> answered(endpoint.route(), request));
    }

    /** A problem is an answer too (the idempotency store does not keep it: the key stays free for a corrected request). */
    private static ApiResponse answered(Route route, ApiRequest request) {
        try {
            return route.handle(request);
        } catch (ProblemException e) {
            return ApiResponse.problem(e.problem());
        }
    }

    private static String fingerprint(APIGatewayV2HTTPEvent event, String body) {
        String path = event.getRawPath() != null ? event.getRawPath() : String.valueOf(new java.util.TreeMap<>(orEmpty(event.getPathParameters())));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((event.getRouteKey() + "\n" + path + "\n"
                    + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        return orEmpty(ctx.getAuthorizer().getJwt().getClaims());
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("The body is marked base64 but is not");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("The body is " + bytes.length + " bytes; at most " + MAX_BODY_BYTES
                    + " are accepted");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
