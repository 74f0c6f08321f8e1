package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.config.Env;
import org.whatmatters.functions.engagement.EngagementApiHandler;
import org.whatmatters.functions.engagement.EngagementComponent;
import org.whatmatters.functions.live.FanOutComponent;
import org.whatmatters.functions.live.FanOutHandler;
import org.whatmatters.functions.live.LiveSocketComponent;
import org.whatmatters.functions.live.LiveSocketHandler;
import org.whatmatters.functions.live.UpdatesApiHandler;
import org.whatmatters.functions.live.UpdatesComponent;
import org.whatmatters.functions.notifications.NotificationsApiComponent;
import org.whatmatters.functions.notifications.NotificationsApiHandler;
import org.whatmatters.functions.notifications.UnsubscribeComponent;
import org.whatmatters.functions.notifications.UnsubscribeHandler;
import org.whatmatters.functions.setup.SetupApiHandler;
import org.whatmatters.functions.setup.SetupComponent;
import org.whatmatters.functions.summaries.SummariesApiHandler;
import org.whatmatters.functions.summaries.SummariesComponent;
import org.whatmatters.functions.visits.VisitsApiHandler;
import org.whatmatters.functions.visits.VisitsComponent;
import org.whatmatters.json.Json;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.local.cloud.FunctionSpec;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.ops.Log;

/**
 * What each function runs before a SnapStart snapshot (no CRaC here, so the hook is called as Lambda
 * would call it): its request goes through the handler, is answered as a refusal rather than a failure, and
 * writes nothing.
 */
class PrimingTest {

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                primer("VisitsApiFunction", e -> new VisitsApiHandler(VisitsComponent.create(e))),
                primer("SetupApiFunction", e -> new SetupApiHandler(SetupComponent.create(e))),
                primer("EngagementApiFunction", e -> new EngagementApiHandler(EngagementComponent.create(e))),
                primer("UpdatesApiFunction", e -> new UpdatesApiHandler(UpdatesComponent.create(e))),
                primer("SummariesApiFunction", e -> new SummariesApiHandler(SummariesComponent.create(e))),
                primer("LiveSocketFunction", e -> new LiveSocketHandler(LiveSocketComponent.create(e))),
                primer("FanOutFunction", e -> new FanOutHandler(FanOutComponent.create(e))),
                primer("NotificationsApiFunction", e -> new NotificationsApiHandler(NotificationsApiComponent.create(e))),
                primer("UnsubscribeFunction", e -> new UnsubscribeHandler(UnsubscribeComponent.create(e))));
    }

    @Test
    void everyFunctionOfTheTemplateWithAPrimerIsCheckedHere() throws Exception {
        List<String> primed = new ArrayList<>();
        for (FunctionSpec f : cloud.stack().functions()) {
            if (Arrays.stream(Class.forName(f.handlerClass()).getMethods()).anyMatch(m -> m.getName().equals("priming")
                    && m.getParameterCount() == 0 && m.getReturnType() == Priming.class)) {
                primed.add(f.logicalId());
            }
        }
        assertEquals(primed.stream().sorted().toList(),
                functions().map(a -> (String) a.get()[0]).sorted().toList());
    }

    private static Arguments primer(String function, Function<Env, Object> handler) {
        return Arguments.of(function, handler);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void primingRunsItsPathWritesNothingAndFailsNothing(String function, Function<Env, Object> build) {
        Object handler = build.apply(Env.of(cloud.functions().environment(function)));
        Priming priming = priming(handler);
        Map<String, Integer> before = tables();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            priming.prime();
        } finally {
            Log.redirect(was);
        }
        List<JsonNode> lines = new ArrayList<>();
        out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .forEach(l -> lines.add(Json.read(l, JsonNode.class)));
        assertEquals(1, priming.timesPrimed(), "the primer completed: " + lines);
        assertAnsweredByItsPath(handler, priming.answer(), lines);
        assertEquals(before, tables(), "priming wrote nothing");
        assertTrue(lines.stream().noneMatch(l -> "ERROR".equals(l.path("level").asText())
                || l.path("message").asText().contains("priming failed")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.has("_aws")), "priming counts nothing: " + lines);
    }

    private static Priming priming(Object handler) {
        return switch (handler) {
            case HttpApiHandler h -> h.priming();
            case LiveSocketHandler h -> h.priming();
            case FanOutHandler h -> h.priming();
            default -> throw new AssertionError(handler.getClass().getName() + " has no primer");
        };
    }

    /**
     * The primed request went through the handler and was refused there: an API's answer is a 4xx to a route the
     * function serves (a route it does not would be refused by the routing alone), $connect's a 4xx, and the stream's
     * batch was read and skipped, with nothing to retry (a batch has no status).
     */
    private static void assertAnsweredByItsPath(Object handler, Object answer, List<JsonNode> lines) {
        switch (answer) {
            case APIGatewayV2HTTPResponse r -> {
                assertRefusal(r.getStatusCode());
                JsonNode request = lines.stream().filter(l -> "request".equals(l.path("message").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError("no request logged: " + lines));
                assertEquals(r.getStatusCode(), request.path("status").asInt(), request.toString());
                assertTrue(((HttpApiHandler) handler).roles().containsKey(request.path("route").asText()),
                        "the primed route is one the function serves: " + request);
            }
            case APIGatewayV2WebSocketResponse r -> assertRefusal(r.getStatusCode());
            case StreamsEventResponse r -> {
                assertEquals(List.of(), r.getBatchItemFailures(), "nothing to retry");
                assertTrue(lines.stream().anyMatch(l -> "batch".equals(l.path("message").asText())
                        && l.path("records").asInt() == 1), "the batch's record was handled: " + lines);
            }
            case null -> throw new AssertionError("the primer answered nothing: no request went through the handler");
            default -> throw new AssertionError("an answer no handler gives: " + answer);
        }
    }

    private static void assertRefusal(int status) {
        assertTrue(status >= 400 && status < 500, "a refusal, not a failure or a success: " + status);
    }

    /** Every table's item count and content hash. */
    private static Map<String, Integer> tables() {
        Map<String, Integer> out = new TreeMap<>();
        var client = cloud.dynamo().client();
        for (String t : client.listTables().tableNames()) {
            var items = client.scanPaginator(r -> r.tableName(t)).items().stream().map(Object::toString).sorted().toList();
            out.put(t, items.hashCode());
        }
        return out;
    }
}
