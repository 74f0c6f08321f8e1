package org.whatmatters.local.cloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.whatmatters.config.Env;

/**
 * Runs the template's functions in this JVM. Each is instantiated on its first invocation (its cold
 * start) with the environment the template gives it plus the local endpoints, and is fed JSON
 * through Lambda's own serialisers, so events and results take the same shape as in AWS.
 */
public final class FunctionHost implements Invoker {

    private final Map<String, FunctionSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> localEnvironment;
    private final String region;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Map<String, Invocations> invocations = new ConcurrentHashMap<>();

    /** How often a function was invoked and its handler's time in all (warm: the instance start is apart). */
    public record Invocations(long count, long nanos) {
        Invocations plus(Invocations o) {
            return new Invocations(count + o.count, nanos + o.nanos);
        }
    }

    public FunctionHost(Iterable<FunctionSpec> functions, Map<String, String> localEnvironment, String region,
                        Clock clock) {
        functions.forEach(f -> specs.put(f.logicalId(), f));
        this.clock = clock;
        this.localEnvironment = Map.copyOf(localEnvironment);
        this.region = region;
    }

    /** The environment a function sees: the template's, then the local cloud's endpoints and keys. */
    public Map<String, String> environment(String functionId) {
        FunctionSpec spec = spec(functionId);
        Map<String, String> env = new HashMap<>(spec.environment());
        env.putAll(localEnvironment);
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        env.putIfAbsent("AWS_REGION", region);
        env.putIfAbsent("AWS_DEFAULT_REGION", region);
        return env;
    }

    @Override
    public String invoke(String functionId, String payloadJson) throws FunctionError {
        Instance instance;
        try {
            instance = instances.computeIfAbsent(functionId, this::start);
        } catch (RuntimeException e) {
            throw new FunctionError("Runtime.InitError", e.getMessage(), e);
        }
        Context context = LocalContext.of(functionId, region, 30_000);
        Object input;
        try {
            input = instance.input().fromJson(payloadJson);
        } catch (RuntimeException e) {
            throw new FunctionError("Runtime.UnmarshalError", "Could not read the event as "
                    + instance.inputType().getTypeName() + ": " + e.getMessage(), e);
        }
        Object output;
        long started = System.nanoTime();
        try {
            output = instance.method().invoke(instance.handler(), input, context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new FunctionError(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new FunctionError("Runtime.HandlerNotFound", e.getMessage(), e);
        } finally {
            invocations.merge(functionId, new Invocations(1, System.nanoTime() - started), Invocations::plus);
        }
        return toJson(output);
    }

    /** Per function, its invocations so far (the cost bench turns them into requests and GB-seconds). */
    public Map<String, Invocations> invocations() {
        return Map.copyOf(invocations);
    }

    private FunctionSpec spec(String functionId) {
        FunctionSpec spec = specs.get(functionId);
        if (spec == null) {
            throw new IllegalArgumentException("No function " + functionId + " in the template");
        }
        return spec;
    }

    private record Instance(Object handler, Method method, Type inputType, PojoSerializer<Object> input) {
    }

    @SuppressWarnings("unchecked")
    private Instance start(String functionId) {
        FunctionSpec spec = spec(functionId);
        try {
            Class<?> type = Class.forName(spec.handlerClass());
            Object handler = construct(type, Env.of(environment(functionId)), clock);
            Method method = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(spec.handlerMethod()) && m.getParameterCount() == 2
                            && Context.class.isAssignableFrom(m.getParameterTypes()[1]) && !m.isBridge())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(spec.handlerClass() + " has no method "
                            + spec.handlerMethod() + "(event, Context)"));
            Type inputType = method.getGenericParameterTypes()[0];
            Class<Object> raw = (Class<Object>) method.getParameterTypes()[0];
            PojoSerializer<Object> serializer = LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())
                    ? LambdaEventSerializers.serializerFor(raw, type.getClassLoader())
                    : JacksonFactory.getInstance().getSerializer(inputType);
            return new Instance(handler, method, inputType, serializer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start " + functionId + " (" + spec.handlerClass() + "): " + e, e);
        }
    }

    /** A handler built on its wiring gets the template's environment; otherwise Lambda's no-arg way. */
    private static Object construct(Class<?> type, Env env, Clock clock) throws ReflectiveOperationException {
        Optional<HandlerWiring> wiring = HandlerWiring.of(type);
        if (wiring.isPresent()) {
            return wiring.get().build(env, clock);
        }
        System.err.println("[local-cloud] " + type.getName() + " has no constructor taking its wiring: it reads the "
                + "process environment, not the template's");
        return type.getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object output) {
        if (output == null) {
            return "null";
        }
        Class<Object> type = (Class<Object>) output.getClass();
        PojoSerializer<Object> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(output, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
