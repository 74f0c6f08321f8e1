package org.whatmatters.local.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP API's CorsConfiguration, answered as API Gateway answers it: a preflight gets its answer
 * without the authorizer or a function running, and every response to an allowed origin carries
 * the allow headers (whatever the function set).
 */
record Cors(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
            List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    Cors {
        allowOrigins = List.copyOf(allowOrigins);
        allowHeaders = allowHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        allowMethods = allowMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    boolean allows(String origin) {
        return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin));
    }

    /** The same configuration, allowing one more origin (the local web host's, standing in for the distribution's). */
    Cors withOrigin(String origin) {
        List<String> origins = new ArrayList<>(allowOrigins);
        origins.add(origin);
        return new Cors(origins, allowHeaders, allowMethods, exposeHeaders, maxAge, allowCredentials);
    }

    /** Headers for a response to an allowed origin. */
    Map<String, String> responseHeaders(String origin) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("access-control-allow-origin", allowOrigins.contains("*") && !allowCredentials ? "*" : origin);
        if (!exposeHeaders.isEmpty()) {
            h.put("access-control-expose-headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            h.put("access-control-allow-credentials", "true");
        }
        h.put("vary", "Origin");
        return h;
    }

    /** Headers answering a preflight for a method and headers, or null when they are not allowed. */
    Map<String, String> preflight(String origin, String method, String requestHeaders) {
        if (!allows(origin) || method == null
                || !(allowMethods.contains("*") || allowMethods.contains(method.toUpperCase(Locale.ROOT)))) {
            return null;
        }
        List<String> asked = requestHeaders == null || requestHeaders.isBlank() ? List.of()
                : List.of(requestHeaders.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (!allowHeaders.contains("*") && !allowHeaders.containsAll(asked)) {
            return null;
        }
        Map<String, String> h = responseHeaders(origin);
        h.put("access-control-allow-methods", String.join(",", allowMethods));
        if (!asked.isEmpty()) {
            h.put("access-control-allow-headers", String.join(",", asked));
        }
        if (maxAge != null) {
            h.put("access-control-max-age", maxAge.toString());
        }
        return h;
    }
}
