package org.whatmatters.ops;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import org.whatmatters.json.Json;

/**
 * One function invocation: its ids for the logs and the counts made during it, written at the end
 * as one CloudWatch Embedded Metric Format line (metrics without an API call or a client). Threads
 * started during the invocation (virtual threads of a fan-out) inherit it.
 */
public final class Invocation implements AutoCloseable {

    public static final String NAMESPACE = "WhatMatters";
    private static final InheritableThreadLocal<Invocation> CURRENT = new InheritableThreadLocal<>();

    private final String function;
    private final String requestId;
    private final String correlationId;
    private final AtomicLongArray counts = new AtomicLongArray(Metric.values().length);
    private final Invocation outer;

    private Invocation(String function, String requestId, String correlationId, Invocation outer) {
        this.function = function;
        this.requestId = requestId;
        this.correlationId = correlationId;
        this.outer = outer;
    }

    /**
     * Starts an invocation on this thread; close it when the invocation ends. {@code correlationId}
     * is what ties the lines of one request together across functions (the API's request id, or
     * the caller's).
     */
    public static Invocation begin(String function, String requestId, String correlationId) {
        Invocation i = new Invocation(function == null ? "local" : function, requestId, correlationId, CURRENT.get());
        CURRENT.set(i);
        return i;
    }

    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public String correlationId() {
        return correlationId;
    }

    static void count(Metric metric, long n) {
        Invocation i = CURRENT.get();
        if (i != null) {
            i.counts.addAndGet(metric.ordinal(), n);
        }
    }

    void describe(Map<String, Object> line) {
        line.put("function", function);
        ids(line);
    }

    private void ids(Map<String, Object> line) {
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        if (correlationId != null) {
            line.put("correlationId", correlationId);
        }
    }

    /** The EMF line of what was counted, or empty when nothing was. */
    Optional<String> emf(long epochMillis) {
        Map<String, Object> line = new LinkedHashMap<>();
        List<Map<String, String>> names = new ArrayList<>();
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            long v = counts.get(m.ordinal());
            if (v != 0) {
                values.put(m, v);
                names.add(Map.of("Name", m.cloudWatchName(), "Unit", "Count"));
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        line.put("_aws", Map.of("Timestamp", epochMillis, "CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE, "Dimensions", List.of(List.of("Function")), "Metrics", names))));
        line.put("Function", function);
        values.forEach((m, v) -> line.put(m.cloudWatchName(), v));
        // Not dimensions: searchable in the logs, free in CloudWatch.
        ids(line);
        return Optional.of(Json.write(line));
    }

    @Override
    public void close() {
        emf(System.currentTimeMillis()).ifPresent(Log::emit);
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
