package org.whatmatters.local.cloud;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.whatmatters.config.Env;
import org.whatmatters.json.Json;
import org.whatmatters.notifications.push.Vapid;
import org.whatmatters.local.cloud.demo.DemoData;
import org.whatmatters.local.cloud.demo.DemoUser;
import org.whatmatters.local.cloud.messaging.AwsStandIns;
import org.whatmatters.local.cloud.messaging.Outbox;
import org.whatmatters.local.cloud.messaging.OutboxPages;
import org.whatmatters.local.cloud.messaging.PushService;
import org.whatmatters.local.engines.BucketSpec;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.LocalS3;
import org.whatmatters.local.engines.Ports;
import org.whatmatters.local.engines.Resource;
import org.whatmatters.local.engines.TableSpec;
import org.whatmatters.local.engines.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * template.yaml running in one JVM: DynamoDB Local and S3Proxy with the template's tables and
 * buckets, every function in-process, the HTTP and WebSocket APIs, SQS queues (with the SQS API on
 * the HTTP port) and SNS topics, stream and queue pollers, schedules, and a token issuer for the
 * demo users. {@code ./dev up} runs {@link #main}.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String AUDIENCE = "whatmatters-local";
    static final String ISSUER_PATH = "/local-issuer";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> buckets = new LinkedHashMap<>();
    private final Map<String, WebSocketEmulator> webSockets = new LinkedHashMap<>();
    private LocalDynamo dynamo;
    private LocalS3 s3;
    private Stack stack;
    private FunctionHost functions;
    private JwtIssuer issuer;
    private HttpApiEmulator http;
    private WebHost web;
    private StreamPoller streams;
    private Scheduler scheduler;
    private LocalQueues queues;
    private LocalTopics topics;
    private QueuePoller queuePoller;
    private int httpPort;
    private boolean seeded;
    private final Outbox outbox = new Outbox();
    private final LocalClock clock = new LocalClock();
    private final Vapid vapid = Vapid.generate();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    private LocalCloud() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + Options.USAGE);
            System.exit(2);
            return;
        }
        LocalCloud cloud = start(options);
        Path state = Path.of(".local-cloud");
        DevTokens.write(state, cloud);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            cloud.close();
            stopped.countDown();
        }));
        System.out.println(cloud.describe());
        System.out.println("Tokens for the demo users: " + state.resolve("tokens.json") + " (or GET "
                + cloud.localEndpoint() + "/_local/tokens); `source " + state.resolve("env") + "` for curl.");
        System.out.println("Open " + cloud.webEndpoint() + "/ in a browser and sign in as Maria (family).");
        System.out.println("READY http=" + cloud.httpEndpoint() + " web=" + cloud.webEndpoint() + " ws=" + cloud.webSocketEndpoints().values()
                .stream().findFirst().map(URI::toString).orElse("none"));
        stopped.await();
    }

    public static LocalCloud start(Options options) {
        LocalCloud cloud = new LocalCloud();
        try {
            cloud.boot(options);
            return cloud;
        } catch (RuntimeException | Error e) {
            cloud.close();
            throw e;
        }
    }

    private void boot(Options o) {
        CompletableFuture<RSAKey> signingKey = beside(JwtIssuer::newKey);
        // The engines start side by side: each is mostly class loading on its own thread.
        CompletableFuture<LocalS3> s3Start = beside(
                () -> LocalS3.start(o.s3Port(), o.dataDir() == null ? null : o.dataDir().resolve("s3")));
        try {
            dynamo = keep(LocalDynamo.start(o.dynamoPort(), o.dataDir() == null ? null : o.dataDir().resolve("dynamodb")));
        } catch (RuntimeException | Error e) {
            s3Start.thenAccept(this::keep).exceptionally(x -> null).join();
            throw e;
        }
        s3 = keep(joined(s3Start));
        phase("dynamodb+s3");
        Template template = Template.load(o.template());
        Set<String> existing = Set.copyOf(dynamo.client().listTables().tableNames());
        for (TableSpec t : template.tables()) {
            String name = t.tableName() != null ? t.tableName() : t.logicalId();
            if (!existing.contains(name)) {
                dynamo.createTable(t, name);
            }
            tables.put(t.logicalId(), name);
        }
        for (BucketSpec b : template.buckets()) {
            String name = b.bucketName() != null ? b.bucketName() : "whatmatters-local-" + b.logicalId().toLowerCase();
            s3.createBucket(name);
            buckets.put(b.logicalId(), name);
        }

        phase("tables+buckets");
        // The issuer and the SQS API live on the HTTP port, so it is fixed before anything is resolved.
        httpPort = o.httpPort() == 0 ? Ports.free() : o.httpPort();
        // The demo needs only the tables and buckets, so it is written while the APIs start.
        long demoStart = System.nanoTime();
        CompletableFuture<Long> demo = o.demo() && tables.containsKey("DataTable")
                ? beside(() -> seedDemo(o) ? (System.nanoTime() - demoStart) / 1_000_000 : -1)
                : CompletableFuture.completedFuture(-1L);
        try {
            startApis(template, o, joined(signingKey));
        } catch (RuntimeException | Error e) {
            demo.exceptionally(x -> -1L).join();
            throw e;
        }
        phase("apis");
        long demoMs = joined(demo);
        seeded = demoMs >= 0;
        phase("then the rest of the demo data");
        phases.put("(demo data in all, beside the apis)", Math.max(demoMs, 0));
        queuePoller = keep(QueuePoller.start(queues, functions, queueBindings(),
                new QueuePoller.Options(QueuePoller.Options.DEFAULTS.concurrency(), o.region())));
        // Started after seeding: a TRIM_HORIZON source sees the demo data as Lambda would on a new table.
        streams = keep(StreamPoller.start(dynamo.client(), streamsClient(), functions, streamBindings(),
                StreamPoller.Options.DEFAULTS, this::sendToDestination));
        phase("queues+streams");
    }

    private void startApis(Template template, Options o, RSAKey signingKey) {
        issuer = new JwtIssuer("http://127.0.0.1:" + httpPort + ISSUER_PATH, AUDIENCE, clock, signingKey);
        Map<String, String> params = parameters(template, o);

        // First pass: learn the WebSocket APIs, start them, then resolve again with their real endpoints.
        Stack draft = Stack.read(template, resolver(template, o, params, Map.of()));
        Map<String, String[]> apiBases = new HashMap<>();
        Invoker lazy = (fn, payload) -> functions.invoke(fn, payload);
        int wsPort = o.wsPort();
        for (WebSocketApiSpec api : draft.webSocketApis()) {
            try {
                WebSocketEmulator ws = keep(WebSocketEmulator.start(api, lazy, o.region(), wsPort));
                webSockets.put(api.logicalId(), ws);
                apiBases.put(api.apiId(), new String[]{stripPath(ws.connectionsEndpoint()), stripPath(ws.endpoint())});
            } catch (java.io.IOException e) {
                throw new IllegalStateException("WebSocket API " + api.logicalId() + " did not start on port " + wsPort, e);
            }
            wsPort = wsPort == 0 ? 0 : wsPort + 1;
        }
        for (var api : draft.httpApis()) {
            apiBases.put(api.apiId(), new String[]{"http://127.0.0.1:" + httpPort, null});
        }
        apiBases.putIfAbsent("ServerlessHttpApi", new String[]{"http://127.0.0.1:" + httpPort, null});
        stack = Stack.read(template, resolver(template, o, params, apiBases));

        queues = keep(new LocalQueues(stack.queues(), sqsEndpoint().toString(), clock));
        Map<String, String> env = new LinkedHashMap<>(localEnvironment());
        env.putAll(messagingEnvironment(httpPort));
        functions = new FunctionHost(stack.functions(), env, o.region(), clock);
        topics = keep(new LocalTopics(stack.topics(), functions, clock,
                new LocalTopics.Options(o.region(), LocalTopics.Options.DEFAULTS.retryDelays())));
        URI ws = webSockets.values().stream().findFirst().map(WebSocketEmulator::stageEndpoint).orElse(null);
        try {
            web = keep(WebHost.start(o.webRoot(), o.webPort(),
                    URI.create("http://127.0.0.1:" + httpPort + HttpApiEmulator.stagePath(stack)), ws,
                    issuer.issuer(), AUDIENCE, params.getOrDefault("ProviderTimeZone", "Europe/London")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The web pages did not start on port " + o.webPort(), e);
        }
        try {
            http = keep(HttpApiEmulator.start(stack, functions, issuer, o.region(), httpPort, web.origin()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The HTTP API did not start on port " + httpPort, e);
        }
        http.mount(ISSUER_PATH + "/", LocalPages.issuer(issuer));
        HostedUi hostedUi = new HostedUi(AUDIENCE, web.origin(),
                sub -> mintFor(sub, HostedUi.TOKEN_LIFETIME), clock);
        http.mount(ISSUER_PATH + "/oauth2/", hostedUi::handle);
        http.mount(ISSUER_PATH + "/logout", hostedUi::handle);
        scheduler = keep(Scheduler.start(functions, scheduleJobs(), clock));
        http.mount("/_local/", LocalPages.local(this));
        http.mount(SqsApi.PATH, new SqsApi(queues));
        mountMessaging(params);
    }

    private boolean seedDemo(Options o) {
        Map<String, String> env = new LinkedHashMap<>(localEnvironment());
        env.put("TABLE_NAME", tables.get("DataTable"));
        env.put("AWS_REGION", o.region());
        if (buckets.containsKey("SummariesBucket")) {
            env.put("SUMMARIES_BUCKET", buckets.get("SummariesBucket"));
        }
        return DemoData.seed(Env.of(env), clock);
    }

    /** Runs a start-up step on its own thread (the common pool has one thread on two cores). */
    private static <T> CompletableFuture<T> beside(Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, task -> Thread.ofPlatform().daemon().start(task));
    }

    /** Waits for a start-up step run beside another, rethrowing its own failure. */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Resolver resolver(Template template, Options o, Map<String, String> params, Map<String, String[]> apis) {
        @SuppressWarnings("unchecked")
        Resolver r = new Resolver(o.region(), params,
                (Map<String, Object>) template.root().getOrDefault("Conditions", Map.of()));
        String arnPrefix = "arn:aws:%s:" + o.region() + ":" + Resolver.ACCOUNT + ":";
        tables.forEach((id, name) -> {
            r.ref(id, name).attribute(id, "Arn", arnPrefix.formatted("dynamodb") + "table/" + name);
            String stream = dynamo.client().describeTable(d -> d.tableName(name)).table().latestStreamArn();
            if (stream != null) {
                r.attribute(id, "StreamArn", stream);
            }
        });
        buckets.forEach((id, name) -> r.ref(id, name).attribute(id, "Arn", "arn:aws:s3:::" + name)
                .attribute(id, "DomainName", name + ".s3.amazonaws.com")
                .attribute(id, "RegionalDomainName", name + ".s3." + o.region() + ".amazonaws.com"));
        for (Resource res : template.resources().values()) {
            String id = res.logicalId();
            switch (res.type()) {
                case "AWS::Serverless::Function" -> {
                    String arn = arnPrefix.formatted("lambda") + "function:" + id;
                    // AutoPublishAlias: SAM's Function.Alias names the alias (qualified ARN); locally the function.
                    r.ref(id, id).attribute(id, "Arn", arn).attribute(id, "Alias", arn + ":live")
                            .ref(id + ".Alias", arn + ":live");
                }
                case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> r.ref(id, id)
                        .attribute(id, "ApiEndpoint", (res.type().endsWith("HttpApi") ? "https://" : "wss://")
                                + id + ".execute-api." + o.region() + ".amazonaws.com");
                case "AWS::CloudFront::Distribution" -> r.ref(id, id)
                        .attribute(id, "DomainName", id.toLowerCase() + ".cloudfront.net").attribute(id, "Id", id);
                case "AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::ResponseHeadersPolicy" -> r.ref(id, id)
                        .attribute(id, "Id", id);
                case "AWS::SQS::Queue" -> {
                    // A queue the template does not name is named by its logical id (CloudFormation adds the stack's).
                    Object declared = res.properties().get("QueueName");
                    String name = declared == null ? id : r.string(declared);
                    String arn = arnPrefix.formatted("sqs") + name;
                    String url = QueueSpec.of(name, arn).url(sqsEndpoint().toString());
                    r.ref(id, url).attribute(id, "Arn", arn).attribute(id, "QueueName", name)
                            .attribute(id, "QueueUrl", url);
                }
                case "AWS::SNS::Topic" -> {
                    Object declared = res.properties().get("TopicName");
                    String name = declared == null ? id : r.string(declared);
                    String arn = arnPrefix.formatted("sns") + name;
                    r.ref(id, arn).attribute(id, "TopicArn", arn).attribute(id, "TopicName", name);
                }
                case "AWS::Logs::LogGroup" -> r.ref(id, id).attribute(id, "Arn", arnPrefix.formatted("logs")
                        + "log-group:" + id);
                case "AWS::DynamoDB::Table", "AWS::S3::Bucket" -> { }
                default -> r.ref(id, id);
            }
        }
        r.ref("ServerlessHttpApi", "ServerlessHttpApi");
        apis.forEach((id, bases) -> r.localApi(id, bases[0], bases[1]));
        return r;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> parameters(Template template, Options o) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Object> declared = (Map<String, Object>) template.root().getOrDefault("Parameters", Map.of());
        declared.forEach((name, body) -> {
            Object def = ((Map<String, Object>) body).get("Default");
            if (def != null) {
                params.put(name, def instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                        : String.valueOf(def));
            }
        });
        // The local cloud is the identity provider: its issuer and audience stand in for Cognito's.
        params.put("JwtIssuer", issuer.issuer());
        params.put("JwtAudience", AUDIENCE);
        // Every notification channel is on locally, through the stand-ins (AwsStandIns, PushService).
        LOCAL_CHANNELS.forEach((k, v) -> {
            if (declared.containsKey(k)) {
                params.put(k, v);
            }
        });
        params.putAll(o.parameters());
        List<String> missing = declared.keySet().stream().filter(k -> !params.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Template parameters without a value: " + missing
                    + " (give them with --param Name=Value)");
        }
        return params;
    }

    /** The notification channels' local settings: SES identity, SMS originator, the VAPID keys' SSM parameter. */
    static final Map<String, String> LOCAL_CHANNELS = Map.of("EmailFrom", "care@riverside.example",
            "SmsOriginator", "arn:aws:sms-voice:eu-west-2:000000000000:phone-number/phone-local", "VapidParameterName", "/whatmatters/local/vapid");

    /** Where the notification functions find SES, SMS and SSM, and the push service they may POST to. */
    private static Map<String, String> messagingEnvironment(int httpPort) {
        String origin = "http://127.0.0.1:" + httpPort;
        return Map.of("AWS_ENDPOINT_URL_SESV2", origin + AwsStandIns.SES,
                "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", origin + AwsStandIns.SMS,
                "AWS_ENDPOINT_URL_SSM", origin + AwsStandIns.SSM,
                "PUSH_SERVICES", origin);
    }

    private void mountMessaging(Map<String, String> params) {
        String vapidKeys = Json.write(Map.of("publicKey", vapid.publicKey(), "privateKey", vapid.privateKey()));
        String vapidName = params.getOrDefault("VapidParameterName", "");
        http.mount("/_aws/", new AwsStandIns(outbox, Map.of(vapidName, vapidKeys, vapidName + "-public", vapid.publicKey())));
        PushService push = new PushService(outbox, http.origin(), vapid.publicKey());
        http.mount(PushService.SUBSCRIPTIONS, push);
        http.mount(PushService.PUSH, push);
        http.mount(OutboxPages.PATH, new OutboxPages(outbox, (subject, message) -> publish("EmailFeedbackTopic", message, subject, Map.of()),
                (subject, message) -> publish("SmsRepliesTopic", message, subject, Map.of())));
    }

    /** What the local SES, SMS and push stand-ins took. */
    /** The clock every function, token, schedule and queue here reads; a test moves it on. */
    public LocalClock clock() {
        return clock;
    }

    public Outbox outbox() {
        return outbox;
    }

    private Map<String, String> localEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        // DynamoDB Local runs with -sharedDb and accepts any key; S3Proxy checks these, generated at start.
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("LOCAL_CLOUD", "true");
        return env;
    }

    private List<StreamPoller.Binding> streamBindings() {
        List<StreamPoller.Binding> bindings = new ArrayList<>();
        for (FunctionSpec f : stack.functions()) {
            for (EventSource.DynamoStream s : f.events(EventSource.DynamoStream.class)) {
                bindings.add(new StreamPoller.Binding(f.logicalId(), s, s.tableName()));
            }
        }
        return bindings;
    }

    private List<QueuePoller.Binding> queueBindings() {
        List<QueuePoller.Binding> bindings = new ArrayList<>();
        for (FunctionSpec f : stack.functions()) {
            for (EventSource.SqsQueue q : f.events(EventSource.SqsQueue.class)) {
                String name = queues.nameForArn(q.queueArn()).orElseThrow(() -> new IllegalArgumentException(
                        f.logicalId() + ".Events." + q.name() + ": " + q.queueArn() + " is not a queue of the template"));
                bindings.add(new QueuePoller.Binding(f.logicalId(), q, name));
            }
        }
        return bindings;
    }

    /** The SQS API on the HTTP port (what functions get as AWS_ENDPOINT_URL_SQS); queue URLs start with it. */
    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + httpPort + SqsApi.PATH);
    }

    /** An on-failure destination: the queue or topic with this ARN gets the invocation record. */
    private void sendToDestination(String arn, String record) {
        Optional<String> queue = queues.nameForArn(arn);
        if (queue.isPresent()) {
            queues.send(queue.get(), record, null, Map.of(), Map.of(), "lambda");
        } else if (topics.topics().stream().anyMatch(t -> t.arn().equals(arn))) {
            topics.publish(arn, record, null, Map.of());
        } else {
            System.err.println("[local-cloud] no queue or topic " + arn + " for the on-failure record " + record);
        }
    }

    private List<Scheduler.Job> scheduleJobs() {
        List<Scheduler.Job> jobs = new ArrayList<>();
        for (FunctionSpec f : stack.functions()) {
            f.events(EventSource.Schedule.class).forEach(s -> jobs.add(new Scheduler.Job(f.logicalId(), s,
                    s.scheduler() ? Scheduler.Kind.SCHEDULER : Scheduler.Kind.RULE)));
        }
        return jobs;
    }

    private DynamoDbStreamsClient streamsClient() {
        return keep(DynamoDbStreamsClient.builder().endpointOverride(dynamo.endpoint()).region(LocalDynamo.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    private static String stripPath(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** What runs where, and every template construct that is inert or not emulated. */
    public String describe() {
        StringBuilder s = new StringBuilder("What Matters local cloud\n");
        s.append("  Web pages     ").append(webEndpoint()).append("/  (sign in: pick a demo user)\n");
        s.append("  HTTP API      ").append(httpEndpoint()).append('\n');
        webSockets.forEach((id, ws) -> s.append("  WebSocket     ").append(id).append(' ').append(ws.endpoint())
                .append("  (@connections ").append(ws.connectionsEndpoint()).append(")\n"));
        s.append("  DynamoDB      ").append(dynamo.endpoint()).append("  tables ").append(tables.values()).append('\n');
        s.append("  S3            ").append(s3.endpoint()).append("  buckets ").append(buckets.values()).append('\n');
        s.append("  Issuer        ").append(issuer.issuer()).append("  audience ").append(AUDIENCE).append('\n');
        s.append("  Demo data     ").append(seeded ? "seeded" : "not seeded (existing data or --no-demo)").append('\n');
        s.append("  Start-up ms   ").append(phases).append('\n');
        http.routeKeys().forEach(r -> s.append("  route         ").append(r).append('\n'));
        streamBindings().forEach(b -> s.append("  stream        ").append(b.tableName()).append(" -> ")
                .append(b.functionId()).append(" (batch ").append(b.source().batchSize())
                .append(b.source().onFailure() == null ? "" : ", on failure to "
                        + b.source().onFailure().substring(b.source().onFailure().lastIndexOf(':') + 1))
                .append(")\n"));
        scheduler.describe().forEach(j -> s.append("  schedule      ").append(j).append('\n'));
        if (!stack.queues().isEmpty()) {
            s.append("  SQS           ").append(sqsEndpoint()).append("  queues ")
                    .append(stack.queues().stream().map(QueueSpec::name).toList()).append('\n');
        }
        for (QueueSpec q : stack.queues()) {
            s.append("  queue         ").append(q.name()).append(" (visibility ").append(q.visibilityTimeout()).append(" s");
            if (q.redrive() != null) {
                s.append(", to ").append(q.redrive().deadLetterTargetArn().substring(
                        q.redrive().deadLetterTargetArn().lastIndexOf(':') + 1)).append(" after ")
                        .append(q.redrive().maxReceiveCount()).append(" receives");
            }
            s.append(")\n");
        }
        queueBindings().forEach(b -> s.append("  queue source  ").append(b.queueName()).append(" -> ")
                .append(b.functionId()).append(" (batch ").append(b.source().batchSize()).append(", window ")
                .append(b.source().maximumBatchingWindowSeconds()).append(" s")
                .append(b.source().reportBatchItemFailures() ? ", partial batch failures" : "")
                .append(b.source().enabled() ? "" : ", DISABLED").append(")\n"));
        stack.topics().forEach(t -> s.append("  topic         ").append(t.name()).append(" -> ")
                .append(t.subscriptions().stream().map(TopicSpec.Subscription::functionId).toList())
                .append("  (publish: POST /_local/topics/").append(t.logicalId()).append("/publish)\n"));
        new TreeMap<>(stack.inertLocally()).forEach((k, v) -> s.append("  inert         ").append(k).append(": ")
                .append(v).append('\n'));
        new TreeMap<>(stack.unsupported()).forEach((k, v) -> s.append("  NOT EMULATED  ").append(k).append(": ")
                .append(v).append('\n'));
        return s.toString();
    }

    /** The HTTP API's URL with its stage, as the template's HttpApiUrl output. */
    public URI httpEndpoint() {
        return http.endpoint();
    }

    /** The HTTP port's root: the local-only pages (/_local/tokens, /_local/schedules) and the issuer. */
    public URI localEndpoint() {
        return http.origin();
    }

    /** The WebSocket URL clients connect to, per API logical id, with the stage. */
    public Map<String, URI> webSocketEndpoints() {
        Map<String, URI> m = new LinkedHashMap<>();
        webSockets.forEach((id, ws) -> m.put(id, ws.stageEndpoint()));
        return m;
    }

    /** The @connections endpoint (with the stage) of each WebSocket API, per logical id. */
    public Map<String, URI> connectionsEndpoints() {
        Map<String, URI> m = new LinkedHashMap<>();
        webSockets.forEach((id, ws) -> m.put(id, ws.connectionsEndpoint()));
        return m;
    }

    public Stack stack() {
        return stack;
    }

    public FunctionHost functions() {
        return functions;
    }

    public JwtIssuer issuer() {
        return issuer;
    }

    public LocalDynamo dynamo() {
        return dynamo;
    }

    public LocalS3 s3() {
        return s3;
    }

    public String table(String logicalId) {
        return tables.get(logicalId);
    }

    public String bucket(String logicalId) {
        return buckets.get(logicalId);
    }

    public StreamPoller streams() {
        return streams;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The SQS queues; {@link LocalQueues#passTime} lets a test skip a visibility timeout or a delay. */
    public LocalQueues queues() {
        return queues;
    }

    /** The SQS event source mappings; {@link QueuePoller#awaitIdle} waits until what was sent is handled. */
    public QueuePoller queuePoller() {
        return queuePoller;
    }

    public LocalTopics topics() {
        return topics;
    }

    /**
     * SNS Publish to the topic with this ARN or logical id: every subscribed function is invoked
     * with the SNSEvent, asynchronously ({@code topics().awaitIdle(...)} waits for them).
     *
     * @return the MessageId
     */
    public String publish(String topic, String message, String subject, Map<String, LocalQueues.Attribute> attributes) {
        return topics.publish(topic, message, subject, attributes);
    }

    /** A dev token for a demo user, for curl and tests (the pages sign in through the hosted UI stand-in). */
    public String token(String sub) {
        return mintFor(sub, Duration.ofHours(12));
    }

    private String mintFor(String sub, Duration lifetime) {
        DemoUser u = DemoUser.bySub(sub);
        Map<String, String> claims = new LinkedHashMap<>(u.custom());
        claims.put("name", u.name());
        claims.put("email", DemoUser.email(u.name()));
        claims.put("email_verified", "true");
        return issuer.mint(u.sub(), List.of(u.role()), claims, lifetime);
    }

    /** The web pages' origin (the local stand-in for the CloudFront distribution). */
    public URI webEndpoint() {
        return web.endpoint();
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                System.err.println("local cloud: closing " + open.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        open.clear();
    }
}
