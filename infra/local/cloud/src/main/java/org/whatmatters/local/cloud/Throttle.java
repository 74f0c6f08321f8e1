package org.whatmatters.local.cloud;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's stage throttling, as a token bucket per route: each route of the stage may take
 * {@code rate} requests a second on average and {@code burst} at once, from its RouteSettings or the
 * stage's DefaultRouteSettings. A stage without either is not throttled (the account limit is far off).
 */
final class Throttle {

    /** ThrottlingRateLimit (per second) and ThrottlingBurstLimit of one route or of the stage's default. */
    record Limit(double rate, int burst) {
    }

    static final Throttle NONE = new Throttle(null, Map.of());

    private final Limit defaults;
    private final Map<String, Limit> routes;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Throttle(Limit defaults, Map<String, Limit> routes) {
        this.defaults = defaults;
        this.routes = Map.copyOf(routes);
    }

    /** False when the route's bucket is empty: API Gateway answers 429 and nothing runs. */
    boolean admit(String routeKey) {
        Limit limit = routes.getOrDefault(routeKey, defaults);
        if (limit == null) {
            return true;
        }
        return buckets.computeIfAbsent(routeKey, k -> new Bucket(limit)).take(System.nanoTime());
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long at;

        Bucket(Limit limit) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.at = System.nanoTime();
        }

        synchronized boolean take(long now) {
            tokens = Math.min(limit.burst(), tokens + (now - at) / 1e9 * limit.rate());
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
