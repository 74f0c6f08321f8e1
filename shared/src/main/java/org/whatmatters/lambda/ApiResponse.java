package org.whatmatters.lambda;

import java.util.Map;
import org.whatmatters.json.Json;
import org.whatmatters.problem.Problem;

/** What a route answers; the handler maps it onto API Gateway's response. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Map.of("content-type", "application/json"), Json.write(value));
    }

    /** 200 with a JSON document that is already serialised (a compiled summary or dashboard). */
    public static ApiResponse okJson(String json) {
        return new ApiResponse(200, Map.of("content-type", "application/json"), json);
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse created(String location, Object value) {
        return new ApiResponse(201, Map.of("content-type", "application/json", "location", location),
                Json.write(value));
    }

    /**
     * An answer holding a secret (an invite code, a signed URL): no cache may keep it, and the
     * idempotency store does not keep it either, so a retried key gets 409, not the secret again.
     */
    public static ApiResponse secret(int status, Object value) {
        return new ApiResponse(status, Map.of("content-type", "application/json", "cache-control", "no-store"),
                Json.write(value));
    }

    public static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), Map.of("content-type", Problem.MEDIA_TYPE), Json.write(problem));
    }
}
