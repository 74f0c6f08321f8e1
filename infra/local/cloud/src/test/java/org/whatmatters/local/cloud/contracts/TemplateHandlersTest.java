package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.ROOT;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.assertNone;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.buildHandlers;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.functions;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.property;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.startCloud;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.whatmatters.config.Env;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.FunctionSpec;
import org.whatmatters.local.cloud.HandlerWiring;
import org.whatmatters.local.cloud.Invoke;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.LocalContext;
import org.whatmatters.local.cloud.Stack;
import org.whatmatters.local.cloud.contracts.TemplateFixture.Built;
import org.whatmatters.local.engines.Resource;

/**
 * Checks each function of template.yaml against its code: the handler is in the jar its CodeUri names and
 * implements Lambda's interface, and every environment variable it reads is set. Each failure says what to change.
 */
class TemplateHandlersTest {

    /** What the Lambda runtime sets in every function's environment (reserved and runtime-defined variables). */
    private static final Set<String> SET_BY_LAMBDA = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ", "LANG", "PATH",
            "LD_LIBRARY_PATH", "AWS_XRAY_CONTEXT_MISSING", "AWS_XRAY_DAEMON_ADDRESS", "_AWS_XRAY_DAEMON_ADDRESS",
            "_AWS_XRAY_DAEMON_PORT");

    /** Read by the code only to point the SDK at the local cloud's engines; Lambda never sets them. */
    private static final String LOCAL_ONLY_PREFIX = "AWS_ENDPOINT_URL";

    /** Options.ephemeral's region. */
    private static final String REGION = "eu-west-2";

    @Test
    void everyHandlerIsALambdaHandlerClassBuiltIntoTheJarItsCodeUriNames() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> modules = rootModules();
        for (Resource fn : functions()) {
            String id = fn.logicalId();
            String handler = string(property(fn, "Handler"));
            String codeUri = string(property(fn, "CodeUri"));
            if (handler == null || !handler.contains("::")) {
                problems.add(id + ": Handler must be class::method, not " + handler);
                continue;
            }
            String className = handler.substring(0, handler.indexOf("::"));
            String methodName = handler.substring(handler.indexOf("::") + 2);
            Class<?> type;
            try {
                type = Class.forName(className);
            } catch (ClassNotFoundException e) {
                problems.add(id + ": Handler class " + className + " is not on the classpath: fix the Handler or add "
                        + "the function's module to infra/local/cloud/pom.xml");
                continue;
            }
            if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                problems.add(id + ": " + className + " must be a public, concrete class for Lambda to instantiate it");
            }
            problems.addAll(constructorProblems(id, type));
            if (RequestHandler.class.isAssignableFrom(type)) {
                boolean has = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(methodName)
                        && m.getParameterCount() == 2 && Context.class.isAssignableFrom(m.getParameterTypes()[1]));
                if (!has) {
                    problems.add(id + ": " + className + " has no public " + methodName + "(event, Context)");
                }
            } else if (RequestStreamHandler.class.isAssignableFrom(type)) {
                boolean has = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(methodName)
                        && Arrays.equals(m.getParameterTypes(),
                        new Class<?>[]{InputStream.class, OutputStream.class, Context.class}));
                if (!has) {
                    problems.add(id + ": " + className + " has no public " + methodName
                            + "(InputStream, OutputStream, Context)");
                }
            } else {
                problems.add(id + ": " + className + " implements neither RequestHandler nor RequestStreamHandler");
            }

            // CodeUri: <module>/target/<jar>, the jar that module's pom builds, holding the handler.
            Matcher m = Pattern.compile("(.+)/target/([^/]+\\.jar)").matcher(codeUri == null ? "" : codeUri);
            if (!m.matches()) {
                problems.add(id + ": CodeUri " + codeUri + " is not <module>/target/<name>.jar");
                continue;
            }
            String module = m.group(1);
            Path moduleDir = ROOT.resolve(module);
            if (!Files.isRegularFile(moduleDir.resolve("pom.xml"))) {
                problems.add(id + ": CodeUri " + codeUri + " names module " + module + ", which has no pom.xml");
                continue;
            }
            if (!modules.contains(module)) {
                problems.add(id + ": module " + module + " is not in the root pom's <modules>, so no build makes "
                        + codeUri);
            }
            String built = builtJar(moduleDir.resolve("pom.xml"));
            if (!m.group(2).equals(built)) {
                problems.add(id + ": CodeUri names " + m.group(2) + " but " + module + "/pom.xml builds " + built
                        + " (shaded): make them the same");
            }
            Path source = moduleDir.resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                problems.add(id + ": " + className + " is not a source of " + module + " (no " + ROOT.relativize(source)
                        + "), so " + codeUri + " does not hold it: move the handler or fix CodeUri");
            }
            Path jar = ROOT.resolve(codeUri);
            if (Files.isRegularFile(jar)) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    for (String entry : List.of(className.replace('.', '/') + ".class",
                            Env.class.getName().replace('.', '/') + ".class")) {
                        if (j.getEntry(entry) == null) {
                            problems.add(id + ": " + codeUri + " has no " + entry + " (is it shaded?)");
                        }
                    }
                }
            }
        }
        assertNone(problems, "Handler and CodeUri problems");
        assertFalse(functions().isEmpty(), "the template declares no functions");
    }

    /**
     * One pattern for every handler: a public no-arg constructor (Lambda's entry point) and a public one taking the
     * function's Dagger component, whose static create(Env) the local cloud calls; no other public constructor.
     */
    private static List<String> constructorProblems(String id, Class<?> type) {
        List<String> problems = new ArrayList<>();
        String name = type.getName();
        Optional<HandlerWiring> wiring = HandlerWiring.of(type);
        boolean noArg = Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
        if (!noArg) {
            problems.add(id + ": " + name + " needs a public no-arg constructor (Lambda's entry point)");
        }
        if (wiring.isEmpty()) {
            problems.add(id + ": " + name + " needs a public constructor taking its Dagger component, which has a "
                    + "static create(Env) (tests and the local cloud build it so)");
        } else if (!wiring.get().type().isAnnotationPresent(dagger.Component.class)) {
            problems.add(id + ": " + name + "(" + wiring.get().type().getName() + ") must take the function's Dagger "
                    + "@Component");
        }
        List<String> others = Arrays.stream(type.getConstructors()).filter(c -> c.getParameterCount() > 0
                && wiring.map(w -> !w.constructor().equals(c)).orElse(true)).map(Object::toString).toList();
        if (!others.isEmpty()) {
            problems.add(id + ": " + name + " has other public constructors " + others
                    + ": keep only () and (its component)");
        }
        return problems;
    }

    /** The file the pom's build leaves at target/: finalName (or artifactId-version), as the shade plugin replaces it. */
    private static String builtJar(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document doc = f.newDocumentBuilder().parse(pom.toFile());
        Element project = doc.getDocumentElement();
        Element build = child(project, "build");
        String finalName = text(child(build, "finalName"));
        if (finalName == null) {
            String version = text(child(project, "version"));
            if (version == null) {
                version = text(child(child(project, "parent"), "version"));
            }
            finalName = text(child(project, "artifactId")) + "-" + version;
        }
        Element shade = null;
        for (Element plugin : children(child(build, "plugins"), "plugin")) {
            if ("maven-shade-plugin".equals(text(child(plugin, "artifactId")))) {
                shade = plugin;
            }
        }
        if (shade == null) {
            return finalName + ".jar (not shaded: a Lambda jar must hold its dependencies)";
        }
        // Maven merges the module's plugin with the parent's pluginManagement: the executions may live there.
        List<Element> executions = children(child(shade, "executions"), "execution");
        if (executions.isEmpty()) {
            executions = children(child(managedPlugin("maven-shade-plugin"), "executions"), "execution");
        }
        for (Element execution : executions) {
            boolean shades = children(child(execution, "goals"), "goal").stream().anyMatch(g -> "shade".equals(text(g)));
            if (!shades) {
                continue;
            }
            Element config = child(execution, "configuration");
            if (text(child(config, "outputFile")) != null) {
                return Path.of(text(child(config, "outputFile"))).getFileName().toString();
            }
            String name = text(child(config, "finalName")) != null ? text(child(config, "finalName")) : finalName;
            if ("true".equals(text(child(config, "shadedArtifactAttached")))) {
                String classifier = text(child(config, "shadedClassifierName"));
                return name + "-" + (classifier == null ? "shaded" : classifier) + ".jar";
            }
            return name + ".jar";
        }
        return finalName + ".jar (the shade plugin has no shade goal)";
    }

    /** The plugin as the root pom's pluginManagement declares it (null when it does not). */
    private static Element managedPlugin(String artifactId) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        Element managed = child(child(child(doc.getDocumentElement(), "build"), "pluginManagement"), "plugins");
        return children(managed, "plugin").stream().filter(p -> artifactId.equals(text(child(p, "artifactId"))))
                .findFirst().orElse(null);
    }

    private static Set<String> rootModules() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        return children(child(doc.getDocumentElement(), "modules"), "module").stream()
                .map(TemplateHandlersTest::text).collect(Collectors.toSet());
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    @Test
    void everyEnvironmentVariableAFunctionReadsIsSetByTheTemplateOrByLambda() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> table = new TreeMap<>();
        Map<String, Built> built;
        // The handlers run against the engines, so the cloud stays up until every sample event is handled.
        try (LocalCloud cloud = startCloud()) {
            built = buildHandlers(cloud);
            Map<String, List<Path>> samples = sampleEvents(cloud.stack());
            for (Built b : built.values()) {
                String id = b.spec().logicalId();
                if (b.failure() instanceof NoSuchMethodException) {
                    problems.add(id + ": " + b.spec().handlerClass() + " has no public constructor taking its "
                            + "component (with a static create(Env)): the local cloud then runs it on the process "
                            + "environment, and this check cannot see what it reads. Add one, reading every setting "
                            + "through the Env");
                    continue;
                }
                List<Path> events = samples.getOrDefault(id, List.of());
                if (events.isEmpty()) {
                    problems.add(id + ": no sample event under events/ triggers it: add one (events/http/<group>/, "
                            + "events/streams/, events/schedule/ or events/websocket/)");
                }
                if (b.handler() != null) {
                    for (Path event : events) {
                        try {
                            invoke(b.handler(), b.spec(), Files.readString(event));
                        } catch (Throwable e) {
                            // An invocation may fail on data (the tables are empty); what it read is what counts.
                        }
                    }
                }
                Set<String> allowed = new TreeSet<>(b.spec().environment().keySet());
                allowed.addAll(SET_BY_LAMBDA);
                Set<String> read = new TreeSet<>(b.env().read());
                table.put(id, read);
                for (String name : read) {
                    if (!allowed.contains(name) && !name.startsWith(LOCAL_ONLY_PREFIX)) {
                        problems.add(id + " reads " + name + ", which neither template.yaml nor Lambda sets: add " + name
                                + " to Globals.Function.Environment or the function's Environment"
                                + (b.failure() != null ? " (construction failed: " + b.failure() + ")" : ""));
                    }
                }
                if (b.failure() != null && problems.stream().noneMatch(p -> p.startsWith(id + " "))) {
                    problems.add(id + ": the handler could not be built with the template's environment: " + b.failure());
                }
            }
        }
        System.out.println("Environment variables each function reads (* = set neither by template.yaml nor by "
                + "Lambda; AWS_ENDPOINT_URL* are the local cloud's):");
        table.forEach((fn, names) -> {
            Set<String> templateSet = built.get(fn).spec().environment().keySet();
            System.out.printf("  %-26s %s%n", fn, names.stream().map(n -> n + (templateSet.contains(n) ? ""
                    : SET_BY_LAMBDA.contains(n) ? "(lambda)" : n.startsWith(LOCAL_ONLY_PREFIX) ? "(local)" : "*"))
                    .collect(Collectors.joining(", ")));
        });
        assertNone(problems, "Environment problems");
        assertTrue(table.values().stream().allMatch(r -> r.contains("AWS_REGION")),
                "every function builds an AWS client from AWS_REGION; if none was read, the recording Env was not used");
    }

    /** The sample events under events/, by the functions whose triggers take each (as ./dev invoke sends it). */
    private static Map<String, List<Path>> sampleEvents(Stack stack) throws IOException {
        Map<String, List<Path>> byFunction = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(Files.readString(file));
                try {
                    Invoke.functionsFor(stack, event).forEach(f -> byFunction.computeIfAbsent(f, k -> new ArrayList<>()).add(file));
                } catch (IllegalArgumentException e) {
                    unmatched.add(ROOT.relativize(file) + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), unmatched, "Sample events no function of template.yaml takes: fix or remove them");
        return byFunction;
    }

    /** One invocation as the local cloud's FunctionHost makes it: Lambda's serialisers, a local context. */
    @SuppressWarnings("unchecked")
    private static Object invoke(Object handler, FunctionSpec spec, String payload) throws Throwable {
        Context context = LocalContext.of(spec.logicalId(), REGION, 30_000);
        try {
            if (handler instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.toString(StandardCharsets.UTF_8);
            }
            Method method = Arrays.stream(handler.getClass().getMethods())
                    .filter(m -> m.getName().equals(spec.handlerMethod()) && m.getParameterCount() == 2
                            && Context.class.isAssignableFrom(m.getParameterTypes()[1]) && !m.isBridge())
                    .findFirst().orElseThrow();
            Class<Object> raw = (Class<Object>) method.getParameterTypes()[0];
            PojoSerializer<Object> serializer = LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())
                    ? LambdaEventSerializers.serializerFor(raw, handler.getClass().getClassLoader())
                    : JacksonFactory.getInstance().getSerializer(method.getGenericParameterTypes()[0]);
            return method.invoke(handler, serializer.fromJson(payload), context);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
