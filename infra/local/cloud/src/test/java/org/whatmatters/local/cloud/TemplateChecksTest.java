package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.whatmatters.config.Env;
import org.whatmatters.json.Json;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.local.engines.Resource;
import org.whatmatters.local.engines.Template;
import org.whatmatters.local.engines.TestCloud;

/**
 * Checks that template.yaml, the function modules, the code and docs/openapi.yaml agree: handlers and
 * their jars, the environment each function reads, the resources its IAM policies name, and the HTTP
 * routes and their documentation. Each failure says what to change.
 */
class TemplateChecksTest {

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

    /**
     * Actions AWS allows only on {@code "Resource": "*"} (no resource-level permissions), with the reason.
     * A statement on "*" passes only if every action is listed here.
     */
    private static final Map<String, String> STAR_ONLY_ACTIONS = Map.of(
            "cloudwatch:PutMetricData", "CloudWatch has no resource-level permissions for PutMetricData",
            "xray:PutTraceSegments", "X-Ray's tracing actions have no resource-level permissions",
            "xray:PutTelemetryRecords", "X-Ray's tracing actions have no resource-level permissions");

    /** The IAM service prefix of the ARNs of each resource type a policy may name. */
    private static final Map<String, String> SERVICE_OF = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", "dynamodb"),
            Map.entry("AWS::Serverless::SimpleTable", "dynamodb"),
            Map.entry("AWS::S3::Bucket", "s3"),
            Map.entry("AWS::ApiGatewayV2::Api", "execute-api"),
            Map.entry("AWS::Serverless::HttpApi", "execute-api"),
            Map.entry("AWS::Serverless::Api", "execute-api"),
            Map.entry("AWS::Serverless::Function", "lambda"),
            Map.entry("AWS::Lambda::Function", "lambda"),
            Map.entry("AWS::SQS::Queue", "sqs"),
            Map.entry("AWS::SNS::Topic", "sns"),
            Map.entry("AWS::Kinesis::Stream", "kinesis"),
            Map.entry("AWS::Events::EventBus", "events"),
            Map.entry("AWS::SecretsManager::Secret", "secretsmanager"),
            Map.entry("AWS::SSM::Parameter", "ssm"),
            Map.entry("AWS::KMS::Key", "kms"),
            Map.entry("AWS::Logs::LogGroup", "logs"),
            Map.entry("AWS::StepFunctions::StateMachine", "states"));

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition",
            "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs", "AWS::NoValue");

    /** The schemas of docs/openapi.yaml that mirror a Java record: properties are exactly its components. */
    private static final Map<String, Class<?>> RECORD_SCHEMAS = recordSchemas();

    /** The schemas that mirror a Java enum: enum values are exactly its JSON values. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_SCHEMAS = enumSchemas();

    /**
     * Enums the code never serialises itself but lists by {@code toString()} (Role has no @JsonValue:
     * AccountView.roles holds Role::toString, the Cognito group names).
     */
    private static final Set<String> ENUMS_LISTED_BY_NAME = Set.of("Role");

    /** The other schemas, and why they mirror no Java type. */
    private static final Map<String, String> OTHER_SCHEMAS = Map.of(
            "Id", "the id pattern every path id and body id is checked against (setup.Checks.ID)",
            "CommissionerSummaryDocument", "docs/schemas/commissioner-summary.v1.schema.json, a published document",
            "TeamDashboardDocument", "docs/schemas/team-dashboard.v1.schema.json, a published document");

    private static Path root;
    private static Template template;
    private static Map<String, Resource> resources;
    private static OpenApiDoc openApi;
    private static LocalCloud cloud;
    /** Per function: the handler built through its (Env) constructor, or why it could not be. */
    private static final Map<String, Built> BUILT = new LinkedHashMap<>();

    private record Built(FunctionSpec spec, Object handler, Throwable failure, Recording env) {
    }

    /** An Env that remembers every name asked for. */
    private record Recording(Map<String, String> values, Set<String> read) implements Env {
        @Override
        public Optional<String> get(String name) {
            read.add(name);
            return Optional.ofNullable(values.get(name));
        }
    }

    @BeforeAll
    static void start() {
        root = TestCloud.repoRoot();
        template = Template.load(root.resolve("template.yaml"));
        resources = template.resources();
        openApi = OpenApiDoc.load(root.resolve("docs/openapi.yaml"));
        // No demo data: the checks need the template resolved and the engines up, not records.
        cloud = LocalCloud.start(Options.ephemeral(root.resolve("template.yaml")).withDemo(false));
        for (FunctionSpec spec : cloud.stack().functions()) {
            Recording env = new Recording(lambdaEnvironment(spec), ConcurrentHashMap.newKeySet());
            Object handler = null;
            Throwable failure = null;
            try {
                handler = Class.forName(spec.handlerClass()).getConstructor(Env.class).newInstance(env);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (ReflectiveOperationException | LinkageError e) {
                failure = e;
            }
            BUILT.put(spec.logicalId(), new Built(spec, handler, failure, env));
        }
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    /**
     * The environment as Lambda would give it (the template's Globals and the function's Environment,
     * resolved as the local cloud resolves them, plus what the runtime sets), with the local cloud's
     * endpoints and keys so that an invocation reaches its engines.
     */
    private static Map<String, String> lambdaEnvironment(FunctionSpec spec) {
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

    // ---------------------------------------------------------------------------------------------
    // 1. Handlers and their jars

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
            try {
                if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                    problems.add(id + ": " + className + "() must be public");
                }
            } catch (NoSuchMethodException e) {
                problems.add(id + ": " + className + " needs a public no-arg constructor (Lambda's entry point)");
            }
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
            Path moduleDir = root.resolve(module);
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
                problems.add(id + ": " + className + " is not a source of " + module + " (no " + root.relativize(source)
                        + "), so " + codeUri + " does not hold it: move the handler or fix CodeUri");
            }
            Path jar = root.resolve(codeUri);
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
        for (Element execution : children(child(shade, "executions"), "execution")) {
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

    private static Set<String> rootModules() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
        return children(child(doc.getDocumentElement(), "modules"), "module").stream()
                .map(TemplateChecksTest::text).collect(Collectors.toSet());
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

    // ---------------------------------------------------------------------------------------------
    // 2. The environment each function reads

    @Test
    void everyEnvironmentVariableAFunctionReadsIsSetByTheTemplateOrByLambda() throws Exception {
        Map<String, List<Path>> samples = sampleEvents();
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> table = new TreeMap<>();
        for (Built b : BUILT.values()) {
            String id = b.spec().logicalId();
            if (b.failure() instanceof NoSuchMethodException) {
                problems.add(id + ": " + b.spec().handlerClass() + " has no public (Env) constructor: the local cloud "
                        + "then runs it on the process environment, and this check cannot see what it reads. Add one "
                        + "that reads every setting through the Env");
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
        System.out.println("Environment variables each function reads (* = set neither by template.yaml nor by "
                + "Lambda; AWS_ENDPOINT_URL* are the local cloud's):");
        table.forEach((fn, names) -> {
            Set<String> templateSet = BUILT.get(fn).spec().environment().keySet();
            System.out.printf("  %-26s %s%n", fn, names.stream().map(n -> n + (templateSet.contains(n) ? ""
                    : SET_BY_LAMBDA.contains(n) ? "(lambda)" : n.startsWith(LOCAL_ONLY_PREFIX) ? "(local)" : "*"))
                    .collect(Collectors.joining(", ")));
        });
        assertNone(problems, "Environment problems");
        assertTrue(table.values().stream().allMatch(r -> r.contains("AWS_REGION")),
                "every function builds an AWS client from AWS_REGION; if none was read, the recording Env was not used");
    }

    /** The sample events under events/, by the function whose trigger takes each (as ./dev invoke picks it). */
    private static Map<String, List<Path>> sampleEvents() throws IOException {
        Map<String, List<Path>> byFunction = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(Files.readString(file));
                try {
                    byFunction.computeIfAbsent(Invoke.functionFor(cloud.stack(), event), k -> new ArrayList<>()).add(file);
                } catch (IllegalArgumentException e) {
                    unmatched.add(root.relativize(file) + ": " + e.getMessage());
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

    // ---------------------------------------------------------------------------------------------
    // 3. IAM policies name the template's resources

    @Test
    void everyPolicyStatementNamesResourcesOfTheTemplate() {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (Resource fn : functions()) {
            Object policies = fn.properties().get("Policies");
            if (policies == null) {
                continue;
            }
            List<Object> entries = policies instanceof List<?> l ? new ArrayList<>(l) : List.of(policies);
            for (int i = 0; i < entries.size(); i++) {
                String where = fn.logicalId() + ".Policies[" + i + "]";
                Object entry = entries.get(i);
                if (entry instanceof String managed) {
                    problems.add(where + ": managed policy " + managed + " grants what this template cannot check; "
                            + "write the statements it needs instead");
                } else if (entry instanceof Map<?, ?> m && m.containsKey("Statement")) {
                    Object s = m.get("Statement");
                    List<?> list = s instanceof List<?> sl ? sl : List.of(s);
                    for (int j = 0; j < list.size(); j++) {
                        statements++;
                        statement(where + ".Statement[" + j + "]", OpenApiDoc.map(list.get(j), where), problems);
                    }
                } else if (entry instanceof Map<?, ?> m && m.size() == 1) {
                    statements++;
                    samPolicyTemplate(where, String.valueOf(m.keySet().iterator().next()), m.values().iterator().next(),
                            problems);
                } else {
                    problems.add(where + ": not a policy this check understands: " + entry);
                }
            }
        }
        assertNone(problems, "IAM policy problems");
        assertTrue(statements > 0, "no function declares Policies: then each has only the basic execution role");
    }

    private static void statement(String where, Map<String, Object> s, List<String> problems) {
        for (String key : List.of("NotAction", "NotResource", "Principal", "NotPrincipal")) {
            if (s.containsKey(key)) {
                problems.add(where + ": " + key + " has no place in a function's role policy");
            }
        }
        if (!Set.of("Allow", "Deny").contains(String.valueOf(s.get("Effect")))) {
            problems.add(where + ": Effect must be Allow or Deny, not " + s.get("Effect"));
        }
        List<String> actions = new ArrayList<>();
        if (asList(s.get("Action")).isEmpty()) {
            problems.add(where + ": no Action");
        }
        for (Object a : asList(s.get("Action"))) {
            if (!(a instanceof String action) || !action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
                problems.add(where + ": action " + a + " must be one named service:Action, with no wildcard");
            } else {
                actions.add(action);
            }
        }
        List<Object> targets = asList(s.get("Resource"));
        if (targets.isEmpty()) {
            problems.add(where + ": no Resource");
        }
        for (Object target : targets) {
            if ("*".equals(target)) {
                List<String> notStarOnly = actions.stream().filter(a -> !STAR_ONLY_ACTIONS.containsKey(a)).toList();
                if (!notStarOnly.isEmpty()) {
                    problems.add(where + ": Resource \"*\" for " + notStarOnly + ": name the template's resource "
                            + "(!GetAtt X.Arn, !Sub \"${X.Arn}/...\") instead; only " + STAR_ONLY_ACTIONS.keySet()
                            + " may use \"*\"");
                }
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            String literal = references(target, named, problems, where);
            Set<String> ids = new LinkedHashSet<>();
            for (String name : named) {
                if (resources.containsKey(name)) {
                    ids.add(name);
                } else if (!PSEUDO_PARAMETERS.contains(name) && !parameters().contains(name)) {
                    problems.add(where + ": Resource " + target + " refers to " + name
                            + ", which is neither a resource, a parameter nor a pseudo parameter of the template");
                }
            }
            if (ids.isEmpty()) {
                problems.add(where + ": Resource " + target + " names no resource of the template"
                        + (literal != null ? " (a hard-coded ARN): refer to the resource with !GetAtt/!Ref/!Sub" : ""));
            }
            for (String id : ids) {
                String type = resources.get(id).type();
                String service = SERVICE_OF.get(type);
                if (service == null) {
                    problems.add(where + ": " + id + " is a " + type + "; add its ARN service to SERVICE_OF in this test");
                    continue;
                }
                for (String action : actions) {
                    if (!action.startsWith(service + ":")) {
                        problems.add(where + ": " + action + " on " + id + " (" + type + ", ARNs of " + service
                                + "): the action does not apply to that resource");
                    }
                }
            }
        }
    }

    /** A SAM policy template, e.g. DynamoDBCrudPolicy: {TableName: !Ref X}: each argument must name a resource. */
    private static void samPolicyTemplate(String where, String name, Object args, List<String> problems) {
        if (!name.endsWith("Policy")) {
            problems.add(where + ": " + name + " is not a SAM policy template");
            return;
        }
        if (!(args instanceof Map<?, ?> m) || m.isEmpty()) {
            // e.g. AWSXrayWriteOnlyAccess: {} holds no resource; there is nothing to check it against.
            problems.add(where + ": " + name + " names no resource; write a Statement instead");
            return;
        }
        m.forEach((k, v) -> {
            Set<String> named = new LinkedHashSet<>();
            references(v, named, problems, where + "." + name + "." + k);
            if (named.stream().noneMatch(resources::containsKey)) {
                problems.add(where + ": " + name + "." + k + " = " + v + " names no resource of the template");
            }
        });
    }

    /**
     * The names (logical ids, parameters, pseudo parameters) an intrinsic refers to, into {@code named};
     * answers the value itself when it is a plain string with no reference.
     */
    @SuppressWarnings("unchecked")
    private static String references(Object value, Set<String> named, List<String> problems, String where) {
        if (value instanceof String s) {
            return s;
        }
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
            problems.add(where + ": cannot read " + value);
            return null;
        }
        String fn = String.valueOf(m.keySet().iterator().next());
        Object arg = m.values().iterator().next();
        switch (fn) {
            case "Ref" -> named.add(String.valueOf(arg));
            case "Fn::GetAtt" -> named.add(String.valueOf(((List<Object>) arg).getFirst()));
            case "Fn::Sub" -> {
                String text = arg instanceof List<?> l ? String.valueOf(l.getFirst()) : String.valueOf(arg);
                Map<String, Object> vars = arg instanceof List<?> l && l.size() > 1
                        ? (Map<String, Object>) l.get(1) : Map.of();
                Matcher v = Pattern.compile("\\$\\{([^}!][^}]*)}").matcher(text);
                while (v.find()) {
                    String name = v.group(1);
                    if (vars.containsKey(name)) {
                        references(vars.get(name), named, problems, where);
                    } else {
                        named.add(name.contains(".") && !name.startsWith("AWS::")
                                ? name.substring(0, name.indexOf('.')) : name);
                    }
                }
            }
            case "Fn::Join" -> {
                for (Object part : (List<Object>) ((List<Object>) arg).get(1)) {
                    references(part, named, problems, where);
                }
            }
            default -> problems.add(where + ": " + fn + " in a policy Resource is not checked: use !Ref, !GetAtt or !Sub");
        }
        return null;
    }

    private static Set<String> parameters() {
        return OpenApiDoc.map(template.root().getOrDefault("Parameters", Map.of()), "Parameters").keySet();
    }

    private static List<Object> asList(Object v) {
        return v == null ? List.of() : v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
    }

    // ---------------------------------------------------------------------------------------------
    // 4. HTTP routes: one function each, served by its handler, and documented exactly in docs/openapi.yaml

    /** A route of the template: its function, its event's name, the API it is on. */
    private record TemplateRoute(String function, String event, String apiId, String method, String path) {
        String routeKey() {
            return method + " " + path;
        }
    }

    private static List<TemplateRoute> templateRoutes() {
        List<TemplateRoute> routes = new ArrayList<>();
        for (Resource fn : functions()) {
            Map<String, Object> events = OpenApiDoc.map(fn.properties().getOrDefault("Events", Map.of()),
                    fn.logicalId() + ".Events");
            events.forEach((name, body) -> {
                Map<String, Object> e = OpenApiDoc.map(body, name);
                if (!"HttpApi".equals(e.get("Type"))) {
                    return;
                }
                Map<String, Object> p = OpenApiDoc.map(e.getOrDefault("Properties", Map.of()), name + ".Properties");
                Object api = p.get("ApiId");
                String apiId = api instanceof Map<?, ?> ref && ref.get("Ref") != null ? String.valueOf(ref.get("Ref"))
                        : api == null ? "ServerlessHttpApi" : String.valueOf(api);
                routes.add(new TemplateRoute(fn.logicalId(), name, apiId,
                        String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        String.valueOf(p.getOrDefault("Path", "$default"))));
            });
        }
        return routes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteBelongsToOneFunctionWhoseHandlerServesIt() throws Exception {
        List<TemplateRoute> routes = templateRoutes();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> owners = new TreeMap<>();
        for (TemplateRoute r : routes) {
            owners.computeIfAbsent(r.routeKey(), k -> new ArrayList<>()).add(r.function() + "." + r.event());
            Resource api = resources.get(r.apiId());
            if (api == null || !api.type().equals("AWS::Serverless::HttpApi")) {
                problems.add(r.function() + "." + r.event() + ": ApiId must be !Ref of the template's "
                        + "AWS::Serverless::HttpApi (HttpApi), not " + r.apiId());
            }
            if (r.method().equals("ANY") || r.path().equals("$default") || r.path().contains("+}")) {
                problems.add(r.function() + "." + r.event() + ": " + r.routeKey() + " is a catch-all route; name "
                        + "each method and path so that each is documented and authorised on its own");
            }
        }
        owners.forEach((route, claimedBy) -> {
            if (claimedBy.size() > 1) {
                problems.add(route + " is claimed by " + claimedBy + ": API Gateway keeps one; give it to one function");
            }
        });
        // The function's handler must route what the template sends it, and nothing more.
        Field routeTable;
        try {
            routeTable = HttpApiHandler.class.getDeclaredField("routes");
        } catch (NoSuchFieldException e) {
            throw new AssertionError("HttpApiHandler keeps its route table in a field named routes no longer: "
                    + "update this test to read the route keys it serves", e);
        }
        routeTable.setAccessible(true);
        Map<String, Set<String>> byFunction = new TreeMap<>();
        routes.forEach(r -> byFunction.computeIfAbsent(r.function(), k -> new TreeSet<>()).add(r.routeKey()));
        byFunction.forEach((fn, keys) -> {
            Built b = BUILT.get(fn);
            if (b == null || b.handler() == null) {
                problems.add(fn + ": handler not built (" + (b == null ? "not in the stack" : b.failure())
                        + "), so its routes cannot be compared");
                return;
            }
            if (!(b.handler() instanceof HttpApiHandler)) {
                problems.add(fn + " has HttpApi events but " + b.handler().getClass().getName()
                        + " is not an HttpApiHandler");
                return;
            }
            Set<String> served;
            try {
                served = new TreeSet<>(((Map<String, ?>) routeTable.get(b.handler())).keySet());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            Set<String> unserved = new TreeSet<>(keys);
            unserved.removeAll(served);
            Set<String> unrouted = new TreeSet<>(served);
            unrouted.removeAll(keys);
            if (!unserved.isEmpty()) {
                problems.add(fn + ": template.yaml routes " + unserved + " to it but " + b.handler().getClass()
                        .getSimpleName() + " does not serve them (every call would be 404): add the routes to the "
                        + "handler or move the events to the function that serves them");
            }
            if (!unrouted.isEmpty()) {
                problems.add(fn + ": " + b.handler().getClass().getSimpleName() + " serves " + unrouted
                        + " but template.yaml routes none of them to it: add HttpApi events or remove the routes");
            }
        });
        assertNone(problems, "Route problems");
        assertFalse(routes.isEmpty(), "the template has no HttpApi events");
    }

    @Test
    void theOpenApiDocumentHasExactlyTheTemplatesRoutesWithTheirPathParameters() {
        Map<String, TemplateRoute> routes = new TreeMap<>();
        templateRoutes().forEach(r -> routes.put(r.routeKey(), r));
        Map<String, OpenApiDoc.Operation> operations = new TreeMap<>();
        openApi.operations().forEach(o -> operations.put(o.routeKey(), o));

        Set<String> undocumented = new TreeSet<>(routes.keySet());
        undocumented.removeAll(operations.keySet());
        Set<String> notInTemplate = new TreeSet<>(operations.keySet());
        notInTemplate.removeAll(routes.keySet());
        List<String> problems = new ArrayList<>();
        undocumented.forEach(r -> problems.add(r + " (" + routes.get(r).function() + "." + routes.get(r).event()
                + ") is a route of template.yaml missing from docs/openapi.yaml: document it"));
        notInTemplate.forEach(r -> problems.add(r + " is in docs/openapi.yaml but no function of template.yaml has it: "
                + "remove it, or add the HttpApi event"));

        Set<String> operationIds = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        for (OpenApiDoc.Operation op : operations.values()) {
            String key = op.routeKey();
            Object operationId = op.body().get("operationId");
            if (!(operationId instanceof String oid) || !operationIds.add(oid)) {
                problems.add(key + ": operationId " + operationId + " is missing or used twice");
            } else if (routes.containsKey(key)) {
                String event = routes.get(key).event();
                String expected = Character.toLowerCase(event.charAt(0)) + event.substring(1);
                if (!oid.equals(expected)) {
                    problems.add(key + ": operationId " + oid + " should be " + expected + " (the template's event "
                            + routes.get(key).function() + "." + event + ", first letter lower-case)");
                }
            }
            for (String field : List.of("summary", "description")) {
                if (!(op.body().get(field) instanceof String s) || s.isBlank()) {
                    problems.add(key + ": no " + field);
                }
            }
            if (op.body().get("description") instanceof String d && !d.contains("Who may call")) {
                problems.add(key + ": the description does not say who may call it (\"**Who may call:** ...\")");
            }
            Set<String> inPath = new TreeSet<>();
            Matcher m = placeholder.matcher(op.path());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (Map<String, Object> p : op.parameters()) {
                if ("path".equals(p.get("in"))) {
                    declared.add(String.valueOf(p.get("name")));
                    if (!Boolean.TRUE.equals(p.get("required"))) {
                        problems.add(key + ": path parameter " + p.get("name") + " must be required: true");
                    }
                }
            }
            if (!inPath.equals(declared)) {
                problems.add(key + ": path parameters declared " + declared + " but the path has " + inPath);
            }

            // Errors: at least one 4xx as problem+json; each error response described as problem+json.
            Map<String, Object> responses = OpenApiDoc.map(op.body().getOrDefault("responses", Map.of()),
                    key + ".responses");
            boolean problem4xx = false;
            boolean success = false;
            for (var r : responses.entrySet()) {
                String status = r.getKey();
                Map<String, Object> response = OpenApiDoc.map(openApi.resolve(r.getValue()), key + "." + status);
                Map<String, Object> content = OpenApiDoc.map(response.getOrDefault("content", Map.of()), key);
                if (status.startsWith("2")) {
                    success = true;
                    if (!content.containsKey("application/json")) {
                        problems.add(key + ": response " + status + " has no application/json schema");
                    }
                } else if (status.matches("[45]\\d\\d")) {
                    if (!content.containsKey("application/problem+json")) {
                        problems.add(key + ": response " + status + " is not application/problem+json");
                    } else if (status.startsWith("4")) {
                        problem4xx = true;
                    }
                    Object schema = OpenApiDoc.map(content.getOrDefault("application/problem+json", Map.of()), key)
                            .get("schema");
                    if (schema != null && !"#/components/schemas/Problem".equals(OpenApiDoc.map(schema, key).get("$ref"))) {
                        problems.add(key + ": response " + status + " should use the shared Problem schema");
                    }
                }
            }
            if (!problem4xx) {
                problems.add(key + ": documents no 4xx application/problem+json response");
            }
            if (!success) {
                problems.add(key + ": documents no 2xx response");
            }
            if (!responses.containsKey("401") || !responses.containsKey("403")) {
                problems.add(key + ": every route can answer 401 (no valid token) and 403 (no role): document both");
            }
            boolean idempotencyKey = op.parameters().stream().anyMatch(p -> "header".equals(p.get("in"))
                    && "idempotency-key".equalsIgnoreCase(String.valueOf(p.get("name"))));
            if (op.writes() && !idempotencyKey) {
                problems.add(key + ": a write route takes an optional Idempotency-Key header: add "
                        + "$ref: '#/components/parameters/IdempotencyKey'");
            }
            if (op.writes() && (!responses.containsKey("409") || !responses.containsKey("422"))) {
                problems.add(key + ": a write route can answer 409 (same Idempotency-Key still running) and 422 "
                        + "(key reused for another request): document both");
            }
            if (!op.writes() && idempotencyKey) {
                problems.add(key + ": GET ignores Idempotency-Key; do not document it");
            }
        }
        assertNone(problems, "docs/openapi.yaml against template.yaml");
        assertEquals(routes.size(), operations.size());
    }

    @Test
    void theOpenApiDocumentIsOpenApi31WithBearerJwtAndEveryReferenceResolves() {
        List<String> problems = new ArrayList<>();
        if (!"3.1.0".equals(String.valueOf(openApi.root().get("openapi")))) {
            problems.add("openapi must be 3.1.0, not " + openApi.root().get("openapi"));
        }
        List<Object> security = OpenApiDoc.list(openApi.root().getOrDefault("security", List.of()), "security");
        Map<String, Object> schemes = OpenApiDoc.map(OpenApiDoc.map(openApi.root().getOrDefault("components", Map.of()),
                "components").getOrDefault("securitySchemes", Map.of()), "securitySchemes");
        boolean bearer = security.stream().flatMap(s -> OpenApiDoc.map(s, "security[]").keySet().stream())
                .map(schemes::get).anyMatch(s -> s instanceof Map<?, ?> m && "http".equals(m.get("type"))
                        && "bearer".equals(m.get("scheme")) && "JWT".equals(m.get("bearerFormat")));
        if (!bearer) {
            problems.add("the top-level security must apply an http bearer JWT scheme (the HTTP API's JWT authorizer "
                    + "guards every route)");
        }
        List<String> servers = OpenApiDoc.list(openApi.root().getOrDefault("servers", List.of()), "servers").stream()
                .map(s -> String.valueOf(OpenApiDoc.map(s, "servers[]").get("url"))).toList();
        if (!servers.contains("https://{apiId}.execute-api.{region}.amazonaws.com/{stage}")
                || !servers.contains("http://127.0.0.1:3000")) {
            problems.add("servers must be the deployed execute-api URL with variables and the local cloud, not " + servers);
        }
        openApi.references().forEach((where, ref) -> {
            if (ref.startsWith("#/")) {
                try {
                    openApi.pointer(ref);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            } else if (!Files.isRegularFile(openApi.file().resolveSibling(ref.split("#")[0]).normalize())) {
                problems.add(where + ": " + ref + " is no file beside docs/openapi.yaml");
            }
        });
        assertNone(problems, "docs/openapi.yaml");
    }

    // ---------------------------------------------------------------------------------------------
    // 5. Schemas against the Java records and enums they describe

    @Test
    void theOpenApiSchemasHaveExactlyTheJsonPropertiesOfTheirRecords() {
        Map<String, Object> schemas = openApi.schemas();
        List<String> problems = new ArrayList<>();
        for (String name : schemas.keySet()) {
            if (!RECORD_SCHEMAS.containsKey(name) && !ENUM_SCHEMAS.containsKey(name) && !OTHER_SCHEMAS.containsKey(name)) {
                problems.add("schema " + name + " is mapped to no Java type: add it to RECORD_SCHEMAS or ENUM_SCHEMAS "
                        + "in TemplateChecksTest (or OTHER_SCHEMAS, saying why)");
            }
        }
        for (var e : RECORD_SCHEMAS.entrySet()) {
            String name = e.getKey();
            Class<?> type = e.getValue();
            if (!(schemas.get(name) instanceof Map<?, ?>)) {
                problems.add("no schema " + name + " for " + type.getName() + " in docs/openapi.yaml");
                continue;
            }
            Map<String, Object> schema = OpenApiDoc.map(schemas.get(name), name);
            Map<String, Object> properties = OpenApiDoc.map(schema.getOrDefault("properties", Map.of()), name);
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.put(c.getName(), c);
            }
            Set<String> missing = new TreeSet<>(components.keySet());
            missing.removeAll(properties.keySet());
            Set<String> extra = new TreeSet<>(properties.keySet());
            extra.removeAll(components.keySet());
            if (!missing.isEmpty()) {
                problems.add(name + " lacks " + missing + " of " + type.getName() + ": add them to its properties");
            }
            if (!extra.isEmpty()) {
                problems.add(name + " has " + extra + ", which " + type.getName() + " does not: remove them");
            }
            for (Object required : OpenApiDoc.list(schema.getOrDefault("required", List.of()), name + ".required")) {
                if (!components.containsKey(String.valueOf(required))) {
                    problems.add(name + ".required names " + required + ", which is no component of " + type.getName());
                }
            }
            for (var c : components.values()) {
                if (properties.get(c.getName()) instanceof Map<?, ?> property) {
                    String mismatch = typeMismatch(c.getGenericType(), OpenApiDoc.map(property, name));
                    if (mismatch != null) {
                        problems.add(name + "." + c.getName() + ": " + mismatch + " for Java "
                                + c.getGenericType().getTypeName());
                    }
                }
            }
        }
        for (var e : ENUM_SCHEMAS.entrySet()) {
            Map<String, Object> schema = schemas.get(e.getKey()) instanceof Map<?, ?> m ? OpenApiDoc.map(m, e.getKey())
                    : Map.of();
            Set<String> documented = OpenApiDoc.list(schema.getOrDefault("enum", List.of()), e.getKey()).stream()
                    .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            Set<String> json = Arrays.stream(e.getValue().getEnumConstants())
                    .map(c -> ENUMS_LISTED_BY_NAME.contains(e.getKey()) ? c.toString() : Json.write(c))
                    .map(s -> s.startsWith("\"") ? s.substring(1, s.length() - 1) : s)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!documented.equals(json)) {
                problems.add("schema " + e.getKey() + " enum " + documented + " but " + e.getValue().getName()
                        + " is written as " + json);
            }
        }
        assertNone(problems, "docs/openapi.yaml schemas against the Java types");
    }

    /** Why a property's schema does not fit a Java type as the project's Json mapper writes and reads it, or null. */
    private static String typeMismatch(Type javaType, Map<String, Object> property) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw == JsonNode.class) {
            return null;
        }
        String ref = property.get("$ref") instanceof String s ? s : null;
        String refName = ref != null && ref.startsWith("#/components/schemas/") ? ref.substring(21) : null;
        if (RECORD_SCHEMAS.containsValue(raw) || raw.isEnum()) {
            Class<?> documented = refName == null ? null : RECORD_SCHEMAS.containsKey(refName)
                    ? RECORD_SCHEMAS.get(refName) : ENUM_SCHEMAS.get(refName);
            return raw.equals(documented) ? null : "expected $ref to the schema of " + raw.getSimpleName() + ", got "
                    + (ref == null ? property : ref);
        }
        Map<String, Object> schema = refName != null && openApi.schemas().get(refName) instanceof Map<?, ?> m
                ? OpenApiDoc.map(m, refName) : property;
        String type = String.valueOf(schema.get("type"));
        String format = schema.get("format") == null ? null : String.valueOf(schema.get("format"));
        if (raw == String.class) {
            return type.equals("string") && (format == null || Set.of("uri", "email").contains(format)) ? null
                    : "expected a string, got " + type + (format == null ? "" : " " + format);
        }
        if (raw == java.time.Instant.class) {
            return type.equals("string") && "date-time".equals(format) ? null : "expected string date-time";
        }
        if (raw == java.time.LocalDate.class) {
            return type.equals("string") && "date".equals(format) ? null : "expected string date";
        }
        if (Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(raw)) {
            return type.equals("integer") ? null : "expected integer, got " + type;
        }
        if (Set.of(double.class, Double.class, float.class, Float.class).contains(raw)) {
            return type.equals("number") ? null : "expected number, got " + type;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return type.equals("boolean") ? null : "expected boolean, got " + type;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!type.equals("array") || !(schema.get("items") instanceof Map<?, ?> items)) {
                return "expected an array with items";
            }
            return typeMismatch(((ParameterizedType) javaType).getActualTypeArguments()[0], OpenApiDoc.map(items, "items"));
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!type.equals("object") || !(schema.get("additionalProperties") instanceof Map<?, ?> values)) {
                return "expected an object with additionalProperties";
            }
            return typeMismatch(((ParameterizedType) javaType).getActualTypeArguments()[1],
                    OpenApiDoc.map(values, "additionalProperties"));
        }
        return "no rule in TemplateChecksTest.typeMismatch for " + raw.getName();
    }

    /** Fails with every problem on its own line, under the heading. */
    private static void assertNone(List<String> problems, String heading) {
        if (!problems.isEmpty()) {
            fail(heading + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }

    private static Map<String, Class<?>> recordSchemas() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("Problem", org.whatmatters.problem.Problem.class);
        m.put("FieldError", org.whatmatters.problem.FieldError.class);
        m.put("Location", org.whatmatters.domain.Location.class);
        m.put("PlanVisit", org.whatmatters.visits.PlanVisit.class);
        m.put("CheckIn", org.whatmatters.visits.CheckIn.class);
        m.put("CheckOut", org.whatmatters.visits.CheckOut.class);
        m.put("VisitWorker", org.whatmatters.visits.VisitView.Worker.class);
        m.put("VisitView", org.whatmatters.visits.VisitView.class);
        m.put("VisitList", org.whatmatters.visits.VisitList.class);
        m.put("AccountView", org.whatmatters.account.AccountView.class);
        m.put("LinkedPerson", org.whatmatters.account.AccountView.LinkedPerson.class);
        m.put("OpenSurvey", org.whatmatters.account.AccountView.OpenSurvey.class);
        m.put("NewTeam", org.whatmatters.setup.NewTeam.class);
        m.put("NewMember", org.whatmatters.setup.NewMember.class);
        m.put("SizeAdvice", org.whatmatters.setup.SizeAdvice.class);
        m.put("TeamMember", org.whatmatters.setup.TeamView.Member.class);
        m.put("TeamClientRef", org.whatmatters.setup.TeamView.ClientRef.class);
        m.put("TeamView", org.whatmatters.setup.TeamView.class);
        m.put("TeamListEntry", org.whatmatters.setup.TeamSummary.Team.class);
        m.put("TeamSummary", org.whatmatters.setup.TeamSummary.class);
        m.put("MemberAdded", org.whatmatters.setup.MemberAdded.class);
        m.put("NewClient", org.whatmatters.setup.NewClient.class);
        m.put("ClientView", org.whatmatters.setup.ClientView.class);
        m.put("HoursChange", org.whatmatters.setup.HoursChange.class);
        m.put("PlannedHoursChange", org.whatmatters.setup.PlannedHoursView.Change.class);
        m.put("PlannedHoursView", org.whatmatters.setup.PlannedHoursView.class);
        m.put("NewFamilyInvite", org.whatmatters.invites.NewFamilyInvite.class);
        m.put("InviteCreated", org.whatmatters.invites.InviteCreated.class);
        m.put("AcceptInvite", org.whatmatters.invites.AcceptInvite.class);
        m.put("FamilyLinkView", org.whatmatters.invites.LinkView.class);
        m.put("FamilyLinkList", org.whatmatters.invites.LinkList.class);
        m.put("NewContract", org.whatmatters.setup.NewContract.class);
        m.put("ContractView", org.whatmatters.setup.ContractView.class);
        m.put("ContractList", org.whatmatters.setup.ContractList.class);
        m.put("SurveyQuestion", org.whatmatters.domain.SurveyQuestion.class);
        m.put("NewSurveyPeriod", org.whatmatters.setup.NewSurveyPeriod.class);
        m.put("PeriodView", org.whatmatters.setup.PeriodView.class);
        m.put("PeriodList", org.whatmatters.setup.PeriodList.class);
        m.put("Respondent", org.whatmatters.setup.NewInvitations.Respondent.class);
        m.put("NewInvitations", org.whatmatters.setup.NewInvitations.class);
        m.put("InvitationsResult", org.whatmatters.setup.InvitationsResult.class);
        m.put("RecordStory", org.whatmatters.stories.RecordStory.class);
        m.put("StoryAuthor", org.whatmatters.stories.StoryView.Author.class);
        m.put("StoryView", org.whatmatters.stories.StoryView.class);
        m.put("StoryList", org.whatmatters.stories.StoryList.class);
        m.put("RecordHealthEvent", org.whatmatters.records.RecordHealthEvent.class);
        m.put("HealthEvent", org.whatmatters.domain.HealthEvent.class);
        m.put("HealthEventList", org.whatmatters.records.HealthEventList.class);
        m.put("RecordShift", org.whatmatters.records.RecordShift.class);
        m.put("Shift", org.whatmatters.domain.Shift.class);
        m.put("ShiftList", org.whatmatters.records.ShiftList.class);
        m.put("SubmitResponse", org.whatmatters.feedback.SubmitResponse.class);
        m.put("ResponseView", org.whatmatters.feedback.ResponseView.class);
        m.put("LiveMessage", org.whatmatters.live.LiveMessage.class);
        m.put("VisitData", org.whatmatters.live.VisitData.class);
        m.put("StoryData", org.whatmatters.live.StoryData.class);
        m.put("SurveyData", org.whatmatters.live.SurveyData.class);
        m.put("UpdateList", org.whatmatters.live.UpdateList.class);
        m.put("SummaryView", org.whatmatters.summaries.publish.SummaryView.class);
        m.put("SummaryList", org.whatmatters.summaries.publish.SummaryList.class);
        m.put("LinkRequest", org.whatmatters.summaries.publish.LinkRequest.class);
        m.put("DownloadLink", org.whatmatters.summaries.publish.LinkView.class);
        m.put("LinkIssued", org.whatmatters.domain.LinkIssued.class);
        m.put("LinkAuditList", org.whatmatters.summaries.publish.LinkAuditList.class);
        return m;
    }

    private static Map<String, Class<? extends Enum<?>>> enumSchemas() {
        Map<String, Class<? extends Enum<?>>> m = new LinkedHashMap<>();
        m.put("ServiceType", org.whatmatters.domain.ServiceType.class);
        m.put("VisitStatus", org.whatmatters.domain.VisitStatus.class);
        m.put("OutcomeDomain", org.whatmatters.domain.OutcomeDomain.class);
        m.put("SharingConsent", org.whatmatters.domain.SharingConsent.class);
        m.put("HealthEventType", org.whatmatters.domain.HealthEventType.class);
        m.put("RespondentType", org.whatmatters.domain.RespondentType.class);
        m.put("PeriodStatus", org.whatmatters.setup.PeriodView.Status.class);
        m.put("UpdateType", org.whatmatters.live.UpdateType.class);
        m.put("SummaryKind", org.whatmatters.domain.SummaryKind.class);
        m.put("Role", org.whatmatters.auth.Role.class);
        return m;
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Resource> functions() {
        return resources.values().stream().filter(r -> r.type().equals("AWS::Serverless::Function")).toList();
    }

    /** A function property, or the Globals' when the function does not set it. */
    @SuppressWarnings("unchecked")
    private static Object property(Resource fn, String name) {
        if (fn.properties().containsKey(name)) {
            return fn.properties().get(name);
        }
        Map<String, Object> globals = (Map<String, Object>) template.root().getOrDefault("Globals", Map.of());
        return ((Map<String, Object>) globals.getOrDefault("Function", Map.of())).get(name);
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
