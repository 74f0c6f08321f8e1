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
                String target = function != null ? function : functionFor(cloud.stack(), Json.MAPPER.readTree(payload));
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
        System.exit(failures == 0 ? 0 : 1);
    }

    public static String functionFor(Stack stack, JsonNode event) {
        String routeKey = event.path("routeKey").asText(null);
        String eventType = event.path("requestContext").path("eventType").asText(null);
        for (FunctionSpec f : stack.functions()) {
            if (eventType == null && routeKey != null
                    && f.events(EventSource.HttpRoute.class).stream().anyMatch(r -> r.routeKey().equals(routeKey))) {
                return f.logicalId();
            }
            if (event.path("Records").path(0).path("eventSource").asText("").equals("aws:dynamodb")
                    && !f.events(EventSource.DynamoStream.class).isEmpty()) {
                return f.logicalId();
            }
            if (event.path("Records").path(0).path("eventSource").asText("").equals("aws:sqs")
                    && !f.events(EventSource.SqsQueue.class).isEmpty()) {
                return f.logicalId();
            }
            if (event.path("Records").path(0).path("EventSource").asText("").equals("aws:sns")
                    && !f.events(EventSource.SnsTopic.class).isEmpty()) {
                return f.logicalId();
            }
            if (event.path("detail-type").asText("").equals("Scheduled Event")
                    && !f.events(EventSource.Schedule.class).isEmpty()) {
                return f.logicalId();
            }
            if (f.events(EventSource.Schedule.class).stream().anyMatch(s -> sameInput(s.input(), event))) {
                return f.logicalId();
            }
        }
        String wsRoute = event.path("requestContext").path("routeKey").asText(null);
        for (WebSocketApiSpec api : stack.webSocketApis()) {
            if (eventType != null && api.routes().containsKey(wsRoute)) {
                return api.routes().get(wsRoute);
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
