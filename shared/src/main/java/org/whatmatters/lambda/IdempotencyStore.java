package org.whatmatters.lambda;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.Keys;
import org.whatmatters.json.Json;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency-Key for write routes. The first request with a key claims it, runs, and keeps its
 * response for a day; a retry with the same key and request gets that response again and writes
 * nothing; the same key with a different request is refused. Keys are per caller, so one
 * caller's key never replays another's response. Only a success is kept: a refused request (4xx)
 * wrote nothing and leaves no record, so its key can carry the corrected request.
 */
@Singleton
public final class IdempotencyStore {

    static final Duration KEPT = Duration.ofHours(24);
    /** A claim whose function died mid-request is released after this, so the client can retry. */
    static final Duration LOCK = Duration.ofSeconds(30);
    public static final String REPLAYED_HEADER = "idempotent-replayed";

    private final DataTable data;
    private final Clock clock;

    @Inject
    public IdempotencyStore(DataTable data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public ApiResponse run(String callerSub, String key, String fingerprint, Supplier<ApiResponse> request) {
        validate(key);
        Map<String, AttributeValue> id = Map.of(Keys.PK, AttributeValue.fromS(Keys.idempotencyKey(callerSub, key)),
                Keys.SK, AttributeValue.fromS(Keys.IDEMPOTENCY));
        Instant now = clock.instant();
        Optional<ApiResponse> earlier = claim(id, fingerprint, now);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ApiResponse response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            release(id);
            throw e;
        }
        if (response.status() >= 400) {
            // Refused or failed, nothing was done: the key stays free for the corrected request, as payment APIs do.
            release(id);
        } else {
            complete(id, response);
        }
        return response;
    }

    private Optional<ApiResponse> claim(Map<String, AttributeValue> id, String fingerprint, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(id);
        item.put(Keys.KIND, AttributeValue.fromS("IdempotencyKey"));
        item.put("fingerprint", AttributeValue.fromS(fingerprint));
        item.put("state", AttributeValue.fromS("in-progress"));
        item.put("lockedUntil", AttributeValue.fromN(Long.toString(now.plus(LOCK).getEpochSecond())));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEPT).getEpochSecond())));
        try {
            data.client().putItem(p -> p.tableName(data.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR expiresAt < :now "
                            + "OR (#s = :progress AND lockedUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":progress", AttributeValue.fromS("in-progress"))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> held = data.client().getItem(g -> g.tableName(data.name()).key(id)
                    .consistentRead(true)).item();
            if (held == null || held.isEmpty()) {
                // Released between our put and get: the first request failed; this one may run.
                return claim(id, fingerprint, now);
            }
            if (!fingerprint.equals(held.get("fingerprint").s())) {
                throw ProblemException.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new request");
            }
            if ("done-unkept".equals(held.get("state").s())) {
                throw ProblemException.conflict("This request was already done; its response held a secret that is "
                        + "shown only once, so it is not repeated. Make a new request with a new Idempotency-Key");
            }
            if (!"done".equals(held.get("state").s())) {
                throw ProblemException.conflict("A request with this Idempotency-Key is still being processed; "
                        + "retry in a few seconds");
            }
            return Optional.of(replay(held));
        }
    }

    private void complete(Map<String, AttributeValue> id, ApiResponse response) {
        // A response marked no-store (e.g. a family invite code) is not kept at rest; a retry is told so.
        if (response.headers().getOrDefault("cache-control", "").contains("no-store")) {
            data.client().updateItem(u -> u.tableName(data.name()).key(id).updateExpression("SET #s = :done")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("done-unkept"))));
            return;
        }
        data.client().updateItem(u -> u.tableName(data.name()).key(id)
                .updateExpression("SET #s = :done, #st = :status, #h = :headers, #b = :body")
                .expressionAttributeNames(Map.of("#s", "state", "#st", "status", "#h", "headers", "#b", "body"))
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("done"),
                        ":status", AttributeValue.fromN(Integer.toString(response.status())),
                        ":headers", AttributeValue.fromS(Json.write(response.headers())),
                        ":body", AttributeValue.fromS(response.body() == null ? "" : response.body()))));
    }

    private void release(Map<String, AttributeValue> id) {
        data.client().deleteItem(d -> d.tableName(data.name()).key(id));
    }

    @SuppressWarnings("unchecked")
    private static ApiResponse replay(Map<String, AttributeValue> held) {
        Map<String, String> headers = new HashMap<>(Json.read(held.get("headers").s(), Map.class));
        headers.put(REPLAYED_HEADER, "true");
        String body = held.get("body").s();
        return new ApiResponse(Integer.parseInt(held.get("status").n()), headers, body.isEmpty() ? null : body);
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
    }
}
