package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.whatmatters.config.Env;
import org.whatmatters.local.cloud.FunctionSpec;
import org.whatmatters.local.cloud.HandlerWiring;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.engines.Resource;
import org.whatmatters.local.engines.Template;
import org.whatmatters.local.engines.TestCloud;

/**
 * What the template checks share: the repository's template.yaml and docs/openapi.yaml, the handlers built
 * as Lambda would build them, and small helpers.
 */
final class TemplateFixture {

    static final Path ROOT = TestCloud.repoRoot();
    static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));
    static final Map<String, Resource> RESOURCES = TEMPLATE.resources();

    private TemplateFixture() {
    }

    /** Loaded on first use, so that a broken docs/openapi.yaml fails only the checks that read it. */
    private static final class Doc {
        static final OpenApiDoc OPEN_API = OpenApiDoc.load(ROOT.resolve("docs/openapi.yaml"));
    }

    static OpenApiDoc openApi() {
        return Doc.OPEN_API;
    }

    /** A function's handler built on its wiring (as the local cloud builds it), or why it could not be. */
    record Built(FunctionSpec spec, Object handler, Throwable failure, Recording env) {
    }

    /** An Env that remembers every name asked for. */
    record Recording(Map<String, String> values, Set<String> read) implements Env {
        @Override
        public Optional<String> get(String name) {
            read.add(name);
            return Optional.ofNullable(values.get(name));
        }
    }

    /** The template's local cloud; starting one takes seconds, so only the checks that run handlers do. */
    static LocalCloud startCloud() {
        // No demo data: the checks need the template resolved and the engines up, not records.
        return LocalCloud.start(Options.ephemeral(ROOT.resolve("template.yaml")).withDemo(false));
    }

    /** Per function, its handler as built with the environment Lambda would give it. */
    static Map<String, Built> buildHandlers(LocalCloud cloud) {
        Map<String, Built> built = new LinkedHashMap<>();
        for (FunctionSpec spec : cloud.stack().functions()) {
            Recording env = new Recording(lambdaEnvironment(cloud, spec), ConcurrentHashMap.newKeySet());
            Object handler = null;
            Throwable failure = null;
            try {
                Class<?> type = Class.forName(spec.handlerClass());
                handler = HandlerWiring.of(type).orElseThrow(() -> new NoSuchMethodException(type.getName()
                        + " has no public constructor taking its wiring")).build(env);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (ReflectiveOperationException | LinkageError e) {
                failure = e;
            }
            built.put(spec.logicalId(), new Built(spec, handler, failure, env));
        }
        return built;
    }

    /**
     * The environment as Lambda would give it (the template's Globals and the function's Environment,
     * resolved as the local cloud resolves them, plus what the runtime sets), with the local cloud's
     * endpoints and keys so that an invocation reaches its engines.
     */
    private static Map<String, String> lambdaEnvironment(LocalCloud cloud, FunctionSpec spec) {
        Map<String, String> env = new HashMap<>(cloud.functions().environment(spec.logicalId()));
        String id = spec.logicalId();
        env.put("_HANDLER", spec.handlerClass() + "::" + spec.handlerMethod());
        env.put("_X_AMZN_TRACE_ID", "Root=1-6741a1b0-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "whatmatters-local-" + id);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/whatmatters-local-" + id);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/23/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
        env.put("LAMBDA_TASK_ROOT", "/var/task");
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        // AWS_SESSION_TOKEN is left out: S3Proxy would refuse a session it did not issue.
        return env;
    }

    static List<Resource> functions() {
        return RESOURCES.values().stream().filter(r -> r.type().equals("AWS::Serverless::Function")).toList();
    }

    /** A function property, or the Globals' when the function does not set it. */
    @SuppressWarnings("unchecked")
    static Object property(Resource fn, String name) {
        if (fn.properties().containsKey(name)) {
            return fn.properties().get(name);
        }
        Map<String, Object> globals = (Map<String, Object>) TEMPLATE.root().getOrDefault("Globals", Map.of());
        return ((Map<String, Object>) globals.getOrDefault("Function", Map.of())).get(name);
    }

    /** The source of a function's handler: its class under the module its CodeUri (module/target/x.jar) names. */
    static Path handlerSource(Resource fn) {
        String handler = String.valueOf(property(fn, "Handler"));
        String codeUri = String.valueOf(property(fn, "CodeUri"));
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String module = codeUri.contains("/target/") ? codeUri.substring(0, codeUri.indexOf("/target/")) : codeUri;
        return ROOT.resolve(module).resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
    }

    static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    /** Fails with every problem on its own line, under the heading. */
    static void assertNone(List<String> problems, String heading) {
        if (!problems.isEmpty()) {
            fail(heading + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }
}
