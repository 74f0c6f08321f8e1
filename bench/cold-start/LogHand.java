import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logging by hand, for Lambda's built-in JSON log format: one JSON log line with the
 * request and correlation ids, and one CloudWatch embedded-metric-format (EMF) document, each written
 * to stdout as a single line through a tiny JSON builder. No library beyond the JDK (and the Context
 * interface every handler has).
 *
 * <p>{@code emit} is what a handler would call; {@code main} runs it alone in a fresh JVM ({@code main noop}:
 * the same JVM doing nothing, the baseline).
 */
public final class LogHand {

    static final String SERVICE = System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "visits");
    static final String NAMESPACE = System.getenv().getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "WhatMatters");

    public static void emit(Context context, Object event, String correlationId) {
        long now = System.currentTimeMillis();
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("timestamp", Instant.ofEpochMilli(now).toString());
        log.put("level", "INFO");
        log.put("message", "visit planned");
        log.put("service", SERVICE);
        log.put("requestId", context.getAwsRequestId());
        log.put("correlationId", correlationId);
        log.put("function", context.getFunctionName());
        log.put("clientId", "c-rosa");
        System.out.println(json(log));

        // EMF: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
        String emf = "{\"_aws\":{\"Timestamp\":" + now + ",\"CloudWatchMetrics\":[{\"Namespace\":" + str(NAMESPACE)
                + ",\"Dimensions\":[[\"service\"]],\"Metrics\":[{\"Name\":\"VisitsPlanned\",\"Unit\":\"Count\"}]}]},"
                + "\"service\":" + str(SERVICE) + ",\"requestId\":" + str(context.getAwsRequestId())
                + ",\"VisitsPlanned\":1}";
        System.out.println(emf);
    }

    /** Strings, numbers, booleans, null and nested maps: all a log line needs. */
    static String json(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        map.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(str(k)).append(':');
            if (v == null || v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, ?> nested = (Map<String, ?>) m;
                sb.append(json(nested));
            } else {
                sb.append(str(v.toString()));
            }
        });
        return sb.append('}').toString();
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("noop")) {
            // The baseline: a fresh JVM that starts, prints and exits.
            System.out.println("BENCH log_ms=0 status=noop");
            System.exit(0);
        }
        long t0 = System.nanoTime();
        emit(new BenchContext("bench-request-1"), null, "sample-plan-visit");
        long t1 = System.nanoTime();
        System.out.println("BENCH log_ms=" + String.format(java.util.Locale.ROOT, "%.1f", (t1 - t0) / 1e6) + " status=logged");
        System.exit(0);
    }
}
