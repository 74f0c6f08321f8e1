package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.json.Json;

/**
 * {@code ./dev invoke FILE... [--function LogicalId]}: like {@code sam local invoke}, on a fresh
 * in-memory local cloud with the demo data. Each sample event goes, in order, to the function whose
 * trigger matches it (HTTP route key, stream, queue, topic, schedule or WebSocket route), and the result is printed.
 */
public final class Invoke {

    private Invoke() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        String function = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--function") && i + 1 < args.length) {
                function = args[++i];
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ./dev invoke events/http/visits/check-in.json [more.json ...] [--function Id]");
            System.exit(2);
        }
        int failures = 0;
        try (LocalCloud cloud = LocalCloud.start(Options.ephemeral(Path.of("template.yaml")))) {
            for (Path file : files) {
                String payload = Files.readString(file);
                List<String> targets = function != null ? List.of(function)
                        : functionsFor(cloud.stack(), Json.MAPPER.readTree(payload));
                for (String target : targets) {
                    System.out.println("== " + file + " -> " + target);
                    try {
                        String result = cloud.functions().invoke(target, payload);
                        System.out.println(pretty(result));
                    } catch (Invoker.FunctionError e) {
                        failures++;
                        System.out.println("{\"errorType\":\"" + e.errorType() + "\",\"errorMessage\":"
                                + Json.write(String.valueOf(e.getMessage())) + "}");
                    }
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    public static String functionFor(Stack stack, JsonNode event) {
        return functionsFor(stack, event).getFirst();
    }

    /**
     * Every function the event would reach: one for an API route or a schedule; for a stream record, every reader
     * of that table's stream, and for a queue or topic message, every function on that queue or topic, as in AWS.
     */
    public static List<String> functionsFor(Stack stack, JsonNode event) {
        String routeKey = event.path("routeKey").asText(null);
        String eventType = event.path("requestContext").path("eventType").asText(null);
        JsonNode first = event.path("Records").path(0);
        String source = first.path("eventSource").asText(first.path("EventSource").asText(""));
        String arn = first.path("eventSourceARN").asText(first.path("Sns").path("TopicArn").asText(""));
        String named = arn.replaceAll("^.*[:/]", "");
        List<String> readers = new ArrayList<>();
        for (FunctionSpec f : stack.functions()) {
            if (eventType == null && routeKey != null
                    && f.events(EventSource.HttpRoute.class).stream().anyMatch(r -> r.routeKey().equals(routeKey))) {
                return List.of(f.logicalId());
            }
            boolean reads = switch (source) {
                case "aws:dynamodb" -> f.events(EventSource.DynamoStream.class).stream()
                        .anyMatch(s -> !arn.contains(":table/") || arn.contains(":table/" + s.tableName() + "/"));
                case "aws:sqs" -> f.events(EventSource.SqsQueue.class).stream()
                        .anyMatch(q -> named.isEmpty() || q.queueArn().endsWith(":" + named));
                case "aws:sns" -> f.events(EventSource.SnsTopic.class).stream()
                        .anyMatch(t -> named.isEmpty() || t.topicArn().endsWith(":" + named));
                default -> false;
            };
            if (reads) {
                readers.add(f.logicalId());
            }
            if (event.path("detail-type").asText("").equals("Scheduled Event")
                    && !f.events(EventSource.Schedule.class).isEmpty()) {
                return List.of(f.logicalId());
            }
            if (f.events(EventSource.Schedule.class).stream().anyMatch(s -> sameInput(s.input(), event))) {
                return List.of(f.logicalId());
            }
        }
        if (!readers.isEmpty()) {
            return readers;
        }
        String wsRoute = event.path("requestContext").path("routeKey").asText(null);
        for (WebSocketApiSpec api : stack.webSocketApis()) {
            if (eventType != null && api.routes().containsKey(wsRoute)) {
                return List.of(api.routes().get(wsRoute));
            }
        }
        throw new IllegalArgumentException("No function in the template takes this event (routeKey " + routeKey
                + "); name one with --function");
    }

    /**
     * A schedule's declared Input as it would arrive: the same fields, with the same values except
     * where the Input has a Scheduler context attribute such as {@code <aws.scheduler.scheduled-time>}.
     */
    static boolean sameInput(String input, JsonNode event) {
        if (input == null || !event.isObject()) {
            return false;
        }
        JsonNode declared;
        try {
            declared = Json.MAPPER.readTree(input);
        } catch (Exception e) {
            return false;
        }
        if (!declared.isObject() || declared.size() != event.size()) {
            return false;
        }
        for (var it = declared.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode sent = event.get(field.getKey());
            boolean attribute = field.getValue().asText("").contains("<aws.scheduler.");
            if (sent == null || !attribute && !sent.equals(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String pretty(String json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }
}
