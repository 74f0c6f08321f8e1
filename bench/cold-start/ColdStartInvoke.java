import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cold-start harness: one fresh JVM per measurement, on the function's real shaded jar plus this
 * harness. Builds the handler as Lambda does (public no-arg constructor, configuration from the
 * process environment), feeds it one sample event and a Context, and checks the answer.
 *
 * <pre>
 * java -cp functions/visits/target/visits.jar:harness.jar ColdStartInvoke \
 *      org.whatmatters.functions.visits.VisitsApiHandler http:201 events/http/visits/plan-visit.json [second.json]
 * </pre>
 *
 * expect: {@code http:<status>[,<status>]}, {@code ws:<status>}, {@code stream} (no batch item
 * failures) or {@code map} (returns without throwing). With a second event, the first invocation
 * primes the handler and the second is timed: the SnapStart-with-priming estimate.
 *
 * <p>Prints one line {@code BENCH key=value ...}; exits 2 if the handler throws, 3 if the answer is
 * not the expected one. System properties: {@code bench.nomx=true} skips the JMX read of the JVM start
 * (class-count runs), {@code bench.log=LogHand|LogPowertools} emits one log line and one metric inside
 * the first invocation.
 *
 * <p>The event is read with the function jar's own Jackson (case-insensitive, unknown fields ignored),
 * as Lambda's runtime reads it with its serialisation library; the answer is written back to JSON, as
 * the runtime does.
 */
public final class ColdStartInvoke {

    /** In-JVM time of the bench.log call inside the first invocation, or -1. */
    private static long logNanos = -1;

    public static void main(String[] args) throws Exception {
        long mainWall = System.currentTimeMillis();
        long t0 = System.nanoTime();
        if (args.length < 3) {
            System.err.println("usage: ColdStartInvoke HandlerClass expect event.json [second-event.json]");
            System.exit(64);
        }
        String handlerClass = args[0];
        String expect = args[1];
        String first = Files.readString(Path.of(args[2]));
        String second = args.length > 3 ? Files.readString(Path.of(args[3])) : null;

        Object handler;
        try {
            handler = Class.forName(handlerClass).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            fail(2, "constructor of " + handlerClass + " threw", e.getCause());
            return;
        }
        long t1 = System.nanoTime();

        Method method = handleRequest(handler.getClass());
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .build();
        JavaType input = mapper.constructType(method.getGenericParameterTypes()[0]);

        String status = invoke(handler, method, mapper, input, first, expect, "bench-request-1",
                System.getProperty("bench.log"));
        long t2 = System.nanoTime();

        StringBuilder line = new StringBuilder("BENCH");
        if (second != null) {
            long s0 = System.nanoTime();
            String status2 = invoke(handler, method, mapper, input, second, expect, "bench-request-2", null);
            long s1 = System.nanoTime();
            line.append(" second_ms=").append(ms(s1 - s0)).append(" second_status=").append(status2);
        }
        if (!Boolean.getBoolean("bench.nomx")) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            line.append(" jvm_to_main_ms=").append(mainWall - jvmStart);
            line.append(" jvm_to_response_ms=").append(mainWall - jvmStart + (t2 - t0) / 1_000_000);
        }
        line.append(" construct_ms=").append(ms(t1 - t0)).append(" first_invoke_ms=").append(ms(t2 - t1));
        if (logNanos >= 0) {
            line.append(" log_ms=").append(ms(logNanos));
        }
        line.append(" status=").append(status);
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    private static String invoke(Object handler, Method method, ObjectMapper mapper, JavaType input, String json,
                                 String expect, String requestId, String logClass) throws Exception {
        Object event = mapper.readValue(json, input);
        Context context = new BenchContext(requestId);
        Object out;
        try {
            out = method.invoke(handler, event, context);
        } catch (InvocationTargetException e) {
            fail(2, "handleRequest threw", e.getCause());
            return null;
        }
        if (logClass != null) {
            long l0 = System.nanoTime();
            String correlationId = ((APIGatewayV2HTTPEvent) event).getRequestContext().getRequestId();
            Class.forName(logClass).getMethod("emit", Context.class, Object.class, String.class)
                    .invoke(null, context, event, correlationId);
            logNanos = System.nanoTime() - l0;
        }
        String answer = mapper.writeValueAsString(out);
        return check(expect, out, answer);
    }

    /** The answer's status as a word, or exit 3 when it is not what the sample event should get. */
    private static String check(String expect, Object out, String answer) {
        String kind = expect.contains(":") ? expect.substring(0, expect.indexOf(':')) : expect;
        String wanted = expect.contains(":") ? expect.substring(expect.indexOf(':') + 1) : "";
        String got;
        switch (kind) {
            case "http" -> got = Integer.toString(((APIGatewayV2HTTPResponse) out).getStatusCode());
            case "ws" -> got = Integer.toString(((APIGatewayV2WebSocketResponse) out).getStatusCode());
            case "stream" -> {
                var failures = ((StreamsEventResponse) out).getBatchItemFailures();
                got = failures == null || failures.isEmpty() ? "ok" : "batchItemFailures=" + failures.size();
                wanted = "ok";
            }
            case "map" -> {
                got = out instanceof Map<?, ?> m ? "ok(" + m.get("compiled") + ")" : "not-a-map";
                if (!got.startsWith("ok")) {
                    fail(3, "unexpected answer " + answer, null);
                }
                return got.replace(' ', '_');
            }
            default -> throw new IllegalArgumentException("expect must be http:NNN, ws:NNN, stream or map: " + expect);
        }
        for (String w : wanted.split(",")) {
            if (w.equals(got)) {
                return got;
            }
        }
        fail(3, "expected " + expect + " but got " + got + ": " + answer, null);
        return null;
    }

    private static Method handleRequest(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && Context.class.isAssignableFrom(m.getParameterTypes()[1])) {
                return m;
            }
        }
        throw new IllegalStateException(type.getName() + " has no handleRequest(event, Context)");
    }

    private static void fail(int code, String message, Throwable cause) {
        System.out.flush();
        System.err.println("BENCH-FAIL " + message);
        if (cause != null) {
            cause.printStackTrace();
        }
        System.err.flush();
        System.exit(code);
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
