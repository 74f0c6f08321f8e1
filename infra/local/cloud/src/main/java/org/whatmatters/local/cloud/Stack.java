package org.whatmatters.local.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.whatmatters.local.engines.Resource;
import org.whatmatters.local.engines.Template;

/**
 * The template as the local cloud runs it: functions with their triggers, the HTTP and WebSocket
 * APIs, queues and topics, and, by name, every construct it does not emulate, so nothing is
 * ignored silently.
 */
public record Stack(List<FunctionSpec> functions, List<HttpApiSpec> httpApis, List<WebSocketApiSpec> webSocketApis,
                    List<QueueSpec> queues, List<TopicSpec> topics, Map<String, String> unsupported,
                    Map<String, String> inertLocally) {

    /** Resource types that do nothing on one machine (permissions, deployment bookkeeping). */
    private static final Map<String, String> INERT = Map.ofEntries(
            Map.entry("AWS::Lambda::Permission", "every function may be invoked locally"),
            Map.entry("AWS::ApiGatewayV2::Deployment", "routes are live as soon as the local cloud starts"),
            Map.entry("AWS::IAM::Role", "no IAM locally: every function has full access to the local engines"),
            Map.entry("AWS::IAM::Policy", "no IAM locally"),
            Map.entry("AWS::Logs::LogGroup", "logs go to the console"),
            Map.entry("AWS::S3::BucketPolicy", "S3Proxy checks signatures, not bucket policies"),
            Map.entry("AWS::CloudFront::Distribution", "the local web host serves web/ in its place, with the same headers"),
            Map.entry("AWS::CloudFront::OriginAccessControl", "the local web host reads web/ from disk"),
            Map.entry("AWS::CloudFront::ResponseHeadersPolicy", "the local web host sends the same security headers"),
            Map.entry("AWS::SQS::QueuePolicy", "no IAM locally: every function may use every queue"),
            Map.entry("AWS::SNS::TopicPolicy", "no IAM locally: every function may use every topic"),
            Map.entry("AWS::SESV2::ConfigurationSet", "the local SES stand-in takes any configuration set"),
            Map.entry("AWS::SESV2::ConfigurationSetEventDestination",
                    "no SES events locally: inject a bounce or complaint at /_local/outbox/bounce or /complaint"),
            Map.entry("AWS::CloudWatch::Alarm", "no CloudWatch locally: the metrics are the EMF lines in the console"));

    private static final Set<String> FUNCTION_PROPERTIES_WITH_NO_LOCAL_EFFECT = Set.of("CodeUri", "Description",
            "Policies", "Runtime", "Architectures", "MemorySize", "Timeout", "Role", "Tags", "Layers",
            "FunctionName", "Tracing", "SnapStart", "AutoPublishAlias", "LoggingConfig", "ReservedConcurrentExecutions",
            "DeadLetterQueue", "EventInvokeConfig", "RuntimeManagementConfig", "VersionDescription");

    private static final Set<String> QUEUE_PROPERTIES = Set.of("QueueName", "VisibilityTimeout", "DelaySeconds",
            "MessageRetentionPeriod", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy");
    /** Encryption and tags change nothing a function can see. */
    private static final Set<String> QUEUE_PROPERTIES_WITH_NO_LOCAL_EFFECT = Set.of("SqsManagedSseEnabled",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "Tags", "RedriveAllowPolicy");
    private static final Set<String> TOPIC_PROPERTIES_WITH_NO_LOCAL_EFFECT = Set.of("TopicName", "DisplayName", "Tags",
            "KmsMasterKeyId", "Subscription", "DeliveryStatusLogging", "TracingConfig", "SignatureVersion");
    private static final Set<String> NO_MAIL = Set.of("email", "email-json", "sms");

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in the template"));
    }

    @SuppressWarnings("unchecked")
    public static Stack read(Template template, Resolver resolver) {
        Map<String, Resource> resources = template.resources();
        Map<String, String> unsupported = new TreeMap<>();
        Map<String, String> inert = new TreeMap<>();
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.root()
                .getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of());

        List<HttpApiSpec> httpApis = new ArrayList<>();
        List<FunctionSpec> functions = new ArrayList<>();
        List<WebSocketApiSpec> webSocketApis = new ArrayList<>();
        List<QueueSpec> queues = new ArrayList<>();
        List<Resource> topics = new ArrayList<>();
        // Subscriptions to each topic (by ARN): AWS::SNS::Subscription, a topic's own list, functions' SNS events.
        Map<String, List<TopicSpec.Subscription>> subscriptions = new LinkedHashMap<>();
        for (Resource r : resources.values()) {
            switch (r.type()) {
                case "AWS::SQS::Queue" -> queues.add(queue(r, resolver, unsupported));
                case "AWS::SNS::Topic" -> {
                    topics.add(r);
                    String arn = resolver.string(Map.of("Ref", r.logicalId()));
                    List<Object> inline = (List<Object>) r.properties().getOrDefault("Subscription", List.of());
                    for (int i = 0; i < inline.size(); i++) {
                        Map<String, Object> sub = (Map<String, Object>) inline.get(i);
                        subscribe(r.logicalId() + ".Subscription[" + i + "]", arn, resolver.string(sub.get("Protocol")),
                                resolver.string(sub.get("Endpoint")), subscriptions, unsupported, inert);
                    }
                    for (String k : r.properties().keySet()) {
                        if (!TOPIC_PROPERTIES_WITH_NO_LOCAL_EFFECT.contains(k)) {
                            unsupported.put(r.logicalId() + "." + k, "SNS topic property " + k);
                        }
                    }
                }
                case "AWS::SNS::Subscription" -> {
                    Map<String, Object> p = r.properties();
                    subscribe(r.logicalId(), resolver.string(p.get("TopicArn")), resolver.string(p.get("Protocol")),
                            resolver.string(p.get("Endpoint")), subscriptions, unsupported, inert);
                    for (String k : p.keySet()) {
                        if (!Set.of("TopicArn", "Protocol", "Endpoint", "Region").contains(k)) {
                            unsupported.put(r.logicalId() + "." + k, "SNS subscription property " + k);
                        }
                    }
                }
                case "AWS::Serverless::Function" -> functions.add(function(r, globals, resolver, unsupported));
                case "AWS::Serverless::HttpApi" -> httpApis.add(httpApi(r, resolver, unsupported));
                case "AWS::ApiGatewayV2::Api" -> {
                    if (!"WEBSOCKET".equals(resolver.string(r.properties().get("ProtocolType")))) {
                        unsupported.put(r.logicalId(), r.type() + " with ProtocolType "
                                + r.properties().get("ProtocolType") + " (only WEBSOCKET is emulated)");
                    } else {
                        webSocketApis.add(webSocketApi(r, resources, resolver));
                    }
                }
                case "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::ApiGatewayV2::Route",
                     "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Stage" -> { }
                default -> {
                    if (INERT.containsKey(r.type())) {
                        inert.put(r.logicalId(), r.type() + ": " + INERT.get(r.type()));
                    } else {
                        unsupported.put(r.logicalId(), r.type());
                    }
                }
            }
        }
        for (FunctionSpec f : functions) {
            for (EventSource.SnsTopic e : f.events(EventSource.SnsTopic.class)) {
                subscriptions.computeIfAbsent(e.topicArn(), k -> new ArrayList<>()).add(new TopicSpec.Subscription(
                        f.logicalId() + ".Events." + e.name(), f.logicalId(), subscriptionArn(e.topicArn(),
                        f.logicalId() + ".Events." + e.name())));
            }
        }
        Set<String> functionIds = new java.util.HashSet<>();
        functions.forEach(f -> functionIds.add(f.logicalId()));
        List<TopicSpec> topicSpecs = new ArrayList<>();
        for (Resource t : topics) {
            String arn = resolver.string(Map.of("Ref", t.logicalId()));
            List<TopicSpec.Subscription> subs = new ArrayList<>();
            for (TopicSpec.Subscription s : subscriptions.getOrDefault(arn, List.of())) {
                if (functionIds.contains(s.functionId())) {
                    subs.add(s);
                } else {
                    unsupported.put(s.source(), "lambda subscription to " + s.functionId()
                            + ", which is not a function of the template");
                }
            }
            topicSpecs.add(new TopicSpec(t.logicalId(), resolver.string(Map.of("Fn::GetAtt", List.of(t.logicalId(),
                    "TopicName"))), arn, List.copyOf(subs)));
            subscriptions.remove(arn);
        }
        subscriptions.forEach((arn, subs) -> subs.forEach(s -> unsupported.put(s.source(),
                "subscription to " + arn + ", which is not a topic of the template")));
        return new Stack(List.copyOf(functions), List.copyOf(httpApis), List.copyOf(webSocketApis),
                List.copyOf(queues), List.copyOf(topicSpecs), unsupported, inert);
    }

    @SuppressWarnings("unchecked")
    private static QueueSpec queue(Resource r, Resolver resolver, Map<String, String> unsupported) {
        Map<String, Object> p = r.properties();
        for (String k : p.keySet()) {
            if (!QUEUE_PROPERTIES.contains(k) && !QUEUE_PROPERTIES_WITH_NO_LOCAL_EFFECT.contains(k)) {
                unsupported.put(r.logicalId() + "." + k, "SQS queue property " + k
                        + (k.startsWith("Fifo") ? " (only standard queues are emulated)" : ""));
            }
        }
        QueueSpec.Redrive redrive = null;
        Object policy = resolver.resolve(p.get("RedrivePolicy"));
        if (policy instanceof String json) {
            policy = org.whatmatters.json.Json.read(json, Map.class);
        }
        if (policy instanceof Map<?, ?> m) {
            redrive = new QueueSpec.Redrive(resolver.string(m.get("deadLetterTargetArn")),
                    number(resolver, m.get("maxReceiveCount"), 10));
        }
        String id = r.logicalId();
        return new QueueSpec(id, resolver.string(Map.of("Fn::GetAtt", List.of(id, "QueueName"))),
                resolver.string(Map.of("Fn::GetAtt", List.of(id, "Arn"))),
                number(resolver, p.get("VisibilityTimeout"), QueueSpec.DEFAULT_VISIBILITY_TIMEOUT),
                number(resolver, p.get("DelaySeconds"), 0),
                number(resolver, p.get("MessageRetentionPeriod"), QueueSpec.DEFAULT_RETENTION),
                number(resolver, p.get("MaximumMessageSize"), QueueSpec.MAX_MESSAGE_SIZE),
                number(resolver, p.get("ReceiveMessageWaitTimeSeconds"), 0), redrive);
    }

    /** A lambda subscription is delivered; e-mail and SMS are inert; anything else is not emulated. */
    private static void subscribe(String source, String topicArn, String protocol, String endpoint,
                                  Map<String, List<TopicSpec.Subscription>> subscriptions,
                                  Map<String, String> unsupported, Map<String, String> inert) {
        String p = protocol == null ? "" : protocol.toLowerCase(java.util.Locale.ROOT);
        if (p.equals("lambda")) {
            subscriptions.computeIfAbsent(topicArn, k -> new ArrayList<>()).add(new TopicSpec.Subscription(source,
                    functionFromArn(endpoint), subscriptionArn(topicArn, source)));
        } else if (NO_MAIL.contains(p)) {
            inert.put(source, "AWS::SNS::Subscription (" + p + "): the local cloud sends no e-mail or SMS");
        } else {
            unsupported.put(source, "SNS subscription with protocol " + protocol + " (only lambda is delivered)");
        }
    }

    /** A subscription's ARN: the topic's with a stable id for the subscription. */
    private static String subscriptionArn(String topicArn, String source) {
        return topicArn + ":" + java.util.UUID.nameUUIDFromBytes(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** arn:aws:lambda:region:account:function:Name[:alias] names the function Name; a bare name is itself. */
    private static String functionFromArn(String arn) {
        if (arn == null || !arn.contains(":function:")) {
            return arn;
        }
        String rest = arn.substring(arn.indexOf(":function:") + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static int number(Resolver resolver, Object value, int fallback) {
        String v = value == null ? null : resolver.string(value);
        return v == null ? fallback : Integer.parseInt(v);
    }

    @SuppressWarnings("unchecked")
    private static FunctionSpec function(Resource r, Map<String, Object> globals, Resolver resolver,
                                         Map<String, String> unsupported) {
        Map<String, Object> p = new LinkedHashMap<>(globals);
        p.putAll(r.properties());
        for (String key : p.keySet()) {
            if (!FUNCTION_PROPERTIES_WITH_NO_LOCAL_EFFECT.contains(key)
                    && !Set.of("Handler", "Environment", "Events").contains(key)) {
                unsupported.put(r.logicalId() + "." + key, "function property " + key);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object source : List.of(globals.getOrDefault("Environment", Map.of()),
                r.properties().getOrDefault("Environment", Map.of()))) {
            Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) source)
                    .getOrDefault("Variables", Map.of());
            vars.forEach((k, v) -> {
                String value = resolver.string(v);
                if (value != null) {
                    env.put(k, value);
                }
            });
        }
        String handler = resolver.string(p.get("Handler"));
        String[] parts = handler.split("::", 2);
        List<EventSource> events = new ArrayList<>();
        Map<String, Object> declared = (Map<String, Object>) r.properties().getOrDefault("Events", Map.of());
        declared.forEach((name, body) -> {
            Map<String, Object> e = (Map<String, Object>) body;
            Map<String, Object> ep = (Map<String, Object>) e.getOrDefault("Properties", Map.of());
            String type = String.valueOf(e.get("Type"));
            switch (type) {
                case "HttpApi" -> {
                    Map<String, Object> auth = (Map<String, Object>) ep.get("Auth");
                    events.add(new EventSource.HttpRoute(name,
                            ep.get("ApiId") == null ? "ServerlessHttpApi" : resolver.string(ep.get("ApiId")),
                            ep.get("Method") == null ? "ANY" : resolver.string(ep.get("Method")).toUpperCase(),
                            ep.get("Path") == null ? "$default" : resolver.string(ep.get("Path")),
                            auth == null ? null : resolver.string(auth.get("Authorizer"))));
                }
                case "Schedule" -> events.add(new EventSource.Schedule(name, resolver.string(ep.get("Schedule")),
                        resolver.string(ep.get("Input")), !"false".equals(String.valueOf(ep.get("Enabled"))), null));
                case "ScheduleV2" -> events.add(new EventSource.Schedule(name,
                        resolver.string(ep.get("ScheduleExpression")), resolver.string(ep.get("Input")),
                        !"DISABLED".equals(String.valueOf(ep.get("State"))),
                        resolver.string(ep.get("ScheduleExpressionTimezone")), true));
                case "DynamoDB" -> {
                    String arn = resolver.string(ep.get("Stream"));
                    List<Object> responseTypes = (List<Object>) ep.getOrDefault("FunctionResponseTypes", List.of());
                    String onFailure = onFailure(r.logicalId() + ".Events." + name, ep.get("DestinationConfig"),
                            resolver, unsupported);
                    events.add(new EventSource.DynamoStream(name, tableNameFromStreamArn(arn),
                            intOr(ep.get("BatchSize"), 100), String.valueOf(ep.getOrDefault("StartingPosition", "LATEST")),
                            responseTypes.contains("ReportBatchItemFailures"),
                            intOr(ep.get("MaximumRetryAttempts"), -1), onFailure));
                    for (String k : ep.keySet()) {
                        if (!Set.of("Stream", "BatchSize", "StartingPosition", "FunctionResponseTypes",
                                "MaximumRetryAttempts", "DestinationConfig", "BisectBatchOnFunctionError",
                                "MaximumBatchingWindowInSeconds", "Enabled").contains(k)) {
                            unsupported.put(r.logicalId() + ".Events." + name + "." + k, "stream property " + k);
                        }
                    }
                }
                case "SQS" -> {
                    List<Object> responseTypes = (List<Object>) ep.getOrDefault("FunctionResponseTypes", List.of());
                    Map<String, Object> scaling = (Map<String, Object>) ep.getOrDefault("ScalingConfig", Map.of());
                    events.add(new EventSource.SqsQueue(name, resolver.string(ep.get("Queue")),
                            number(resolver, ep.get("BatchSize"), 10),
                            number(resolver, ep.get("MaximumBatchingWindowInSeconds"), 0),
                            responseTypes.contains("ReportBatchItemFailures"),
                            !"false".equals(String.valueOf(resolver.resolve(ep.get("Enabled")))),
                            number(resolver, scaling.get("MaximumConcurrency"), 0)));
                    for (String k : ep.keySet()) {
                        if (!Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes",
                                "Enabled", "ScalingConfig").contains(k)) {
                            unsupported.put(r.logicalId() + ".Events." + name + "." + k, "SQS event property " + k);
                        }
                    }
                }
                case "SNS" -> {
                    events.add(new EventSource.SnsTopic(name, resolver.string(ep.get("Topic"))));
                    for (String k : ep.keySet()) {
                        if (!Set.of("Topic", "Region").contains(k)) {
                            unsupported.put(r.logicalId() + ".Events." + name + "." + k, "SNS event property " + k);
                        }
                    }
                }
                default -> unsupported.put(r.logicalId() + ".Events." + name, "event type " + type);
            }
        });
        return new FunctionSpec(r.logicalId(), parts[0], parts.length > 1 ? parts[1] : "handleRequest",
                Map.copyOf(env), List.copyOf(events));
    }

    @SuppressWarnings("unchecked")
    private static HttpApiSpec httpApi(Resource r, Resolver resolver, Map<String, String> unsupported) {
        Map<String, Object> p = r.properties();
        Map<String, Object> auth = (Map<String, Object>) p.getOrDefault("Auth", Map.of());
        String defaultAuthorizer = auth.get("DefaultAuthorizer") == null ? null
                : resolver.string(auth.get("DefaultAuthorizer"));
        String issuer = null;
        List<String> audiences = List.of();
        Map<String, Object> authorizers = (Map<String, Object>) auth.getOrDefault("Authorizers", Map.of());
        for (var entry : authorizers.entrySet()) {
            Map<String, Object> a = (Map<String, Object>) entry.getValue();
            Map<String, Object> jwt = (Map<String, Object>) a.get("JwtConfiguration");
            if (jwt == null) {
                unsupported.put(r.logicalId() + ".Auth.Authorizers." + entry.getKey(), "non-JWT authorizer");
                continue;
            }
            issuer = resolver.string(jwt.get("issuer"));
            Object aud = resolver.resolve(jwt.get("audience"));
            audiences = aud instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
        }
        Cors cors = null;
        if (p.get("CorsConfiguration") instanceof Map<?, ?> c) {
            cors = new Cors(strings(resolver, c.get("AllowOrigins")), strings(resolver, c.get("AllowHeaders")),
                    strings(resolver, c.get("AllowMethods")), strings(resolver, c.get("ExposeHeaders")),
                    c.get("MaxAge") == null ? null : Integer.valueOf(resolver.string(c.get("MaxAge"))),
                    c.get("AllowCredentials") != null && Boolean.parseBoolean(resolver.string(c.get("AllowCredentials"))));
        }
        for (String k : p.keySet()) {
            if (!Set.of("StageName", "Auth", "Description", "Tags", "AccessLogSettings", "DefaultRouteSettings",
                    "FailOnWarnings", "CorsConfiguration").contains(k)) {
                unsupported.put(r.logicalId() + "." + k, "HttpApi property " + k);
            }
        }
        String stage = p.get("StageName") == null ? "$default" : resolver.string(p.get("StageName"));
        return new HttpApiSpec(r.logicalId(), r.logicalId(), stage, defaultAuthorizer, issuer, audiences, cors,
                new Throttle(limit(resolver, p.get("DefaultRouteSettings")), Map.of()));
    }

    /** ThrottlingRateLimit and ThrottlingBurstLimit of a route settings object; null when it sets neither. */
    private static Throttle.Limit limit(Resolver resolver, Object settings) {
        if (!(settings instanceof Map<?, ?> m) || m.get("ThrottlingRateLimit") == null && m.get("ThrottlingBurstLimit") == null) {
            return null;
        }
        double rate = m.get("ThrottlingRateLimit") == null ? 10_000 : Double.parseDouble(resolver.string(m.get("ThrottlingRateLimit")));
        int burst = m.get("ThrottlingBurstLimit") == null ? 5_000 : Integer.parseInt(resolver.string(m.get("ThrottlingBurstLimit")));
        return new Throttle.Limit(rate, burst);
    }

    private static List<String> strings(Resolver resolver, Object value) {
        Object v = value == null ? List.of() : resolver.resolve(value);
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
    }

    private static WebSocketApiSpec webSocketApi(Resource api, Map<String, Resource> resources, Resolver resolver) {
        String id = api.logicalId();
        Map<String, String> integrationFunction = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        String stage = "$default";
        Throttle throttle = Throttle.NONE;
        for (Resource r : resources.values()) {
            if (!id.equals(resolver.string(r.properties().get("ApiId")))) {
                continue;
            }
            switch (r.type()) {
                case "AWS::ApiGatewayV2::Integration" -> integrationFunction.put(r.logicalId(),
                        functionFromUri(resolver.string(r.properties().get("IntegrationUri"))));
                case "AWS::ApiGatewayV2::Stage" -> {
                    stage = resolver.string(r.properties().get("StageName"));
                    Map<String, Throttle.Limit> perRoute = new LinkedHashMap<>();
                    if (r.properties().get("RouteSettings") instanceof Map<?, ?> settings) {
                        settings.forEach((route, s) -> {
                            Throttle.Limit l = limit(resolver, s);
                            if (l != null) {
                                perRoute.put(String.valueOf(route), l);
                            }
                        });
                    }
                    throttle = new Throttle(limit(resolver, r.properties().get("DefaultRouteSettings")), perRoute);
                }
                default -> { }
            }
        }
        for (Resource r : resources.values()) {
            if (r.type().equals("AWS::ApiGatewayV2::Route") && id.equals(resolver.string(r.properties().get("ApiId")))) {
                String target = resolver.string(r.properties().get("Target"));
                String integration = target.substring(target.lastIndexOf('/') + 1);
                routes.put(resolver.string(r.properties().get("RouteKey")), integrationFunction.get(integration));
            }
        }
        return new WebSocketApiSpec(id, id, resolver.string(api.properties().get("RouteSelectionExpression")), stage,
                Map.copyOf(routes), throttle);
    }

    /** arn:aws:apigateway:region:lambda:path/2015-03-31/functions/arn:aws:lambda:...:function:Name/invocations */
    private static String functionFromUri(String uri) {
        int fn = uri.indexOf(":function:");
        String rest = uri.substring(fn + ":function:".length());
        int slash = rest.indexOf('/');
        String qualified = slash < 0 ? rest : rest.substring(0, slash);
        // an alias or version qualifier (Name:live) invokes the same function locally
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(0, colon);
    }

    /** DestinationConfig.OnFailure's ARN when it is a queue or topic (delivered locally); null when none. */
    @SuppressWarnings("unchecked")
    private static String onFailure(String where, Object config, Resolver resolver, Map<String, String> unsupported) {
        if (!(config instanceof Map<?, ?> c) || !(c.get("OnFailure") instanceof Map<?, ?> f)) {
            return null;
        }
        String type = resolver.string(f.get("Type"));
        String arn = resolver.string(f.get("Destination"));
        if (arn == null || !arn.startsWith("arn:aws:sqs:") && !arn.startsWith("arn:aws:sns:")) {
            unsupported.put(where + ".DestinationConfig", "on-failure destination " + type + " " + arn
                    + " (only an SQS queue or SNS topic is delivered)");
            return null;
        }
        return arn;
    }

    private static String tableNameFromStreamArn(String arn) {
        // arn:aws:dynamodb:region:account:table/<name>/stream/<label>: the stream source names the table
        String afterTable = arn.substring(arn.indexOf(":table/") + ":table/".length());
        return afterTable.substring(0, afterTable.indexOf('/'));
    }

    private static int intOr(Object v, int fallback) {
        return v == null ? fallback : Integer.parseInt(String.valueOf(v));
    }
}
