package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.config.Env;
import org.whatmatters.functions.engagement.EngagementApiHandler;
import org.whatmatters.functions.live.FanOutHandler;
import org.whatmatters.functions.live.LiveSocketHandler;
import org.whatmatters.functions.live.UpdatesApiHandler;
import org.whatmatters.functions.setup.SetupApiHandler;
import org.whatmatters.functions.summaries.SummariesApiHandler;
import org.whatmatters.functions.visits.VisitsApiHandler;
import org.whatmatters.json.Json;
import org.whatmatters.lambda.Priming;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.ops.Log;

/**
 * What each function runs before a SnapStart snapshot (no CRaC here, so the hook is called as Lambda
 * would call it): it completes, is answered as a refusal rather than a failure, and writes nothing.
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
                Arguments.of("VisitsApiFunction", (Function<Env, Priming>) e -> new VisitsApiHandler(e).priming()),
                Arguments.of("SetupApiFunction", (Function<Env, Priming>) e -> new SetupApiHandler(e).priming()),
                Arguments.of("EngagementApiFunction", (Function<Env, Priming>) e -> new EngagementApiHandler(e).priming()),
                Arguments.of("UpdatesApiFunction", (Function<Env, Priming>) e -> new UpdatesApiHandler(e).priming()),
                Arguments.of("SummariesApiFunction", (Function<Env, Priming>) e -> new SummariesApiHandler(e).priming()),
                Arguments.of("LiveSocketFunction", (Function<Env, Priming>) e -> new LiveSocketHandler(e).priming()),
                Arguments.of("FanOutFunction", (Function<Env, Priming>) e -> new FanOutHandler(e).priming()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void primingRunsItsPathWritesNothingAndFailsNothing(String function, Function<Env, Priming> build) {
        Env env = Env.of(cloud.functions().environment(function));
        Priming priming = build.apply(env);
        Map<String, Integer> before = tables();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            priming.prime();
        } finally {
            Log.redirect(was);
        }
        assertEquals(1, priming.timesPrimed(), "the primer completed");
        assertEquals(before, tables(), "priming wrote nothing");
        List<JsonNode> lines = new ArrayList<>();
        out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .forEach(l -> lines.add(Json.read(l, JsonNode.class)));
        assertTrue(lines.stream().noneMatch(l -> "ERROR".equals(l.path("level").asText())
                || l.path("message").asText().contains("priming failed")), lines.toString());
        lines.stream().filter(l -> l.has("status")).forEach(l -> assertTrue(l.get("status").asInt() >= 400
                && l.get("status").asInt() < 500, "a refusal, not a failure: " + l));
        assertTrue(lines.stream().noneMatch(l -> l.has("_aws")), "priming counts nothing: " + lines);
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
