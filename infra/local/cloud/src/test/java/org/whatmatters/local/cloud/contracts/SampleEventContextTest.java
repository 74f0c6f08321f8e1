package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/** The request context of every sample event agrees with itself and with the template, as AWS's would. */
class SampleEventContextTest {

    private static final DateTimeFormatter API_GATEWAY = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    /** API Gateway gives a request's time twice (text and epoch millis): each sample says one instant. */
    @Test
    void theTimeAndTheEpochOfEachSampleEventAgree() throws Exception {
        List<String> disagree = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(TemplateFixture.ROOT.resolve("events"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode context = Json.MAPPER.readTree(f.toFile()).path("requestContext");
                for (String[] pair : new String[][]{{"time", "timeEpoch"}, {"requestTime", "requestTimeEpoch"}}) {
                    if (context.hasNonNull(pair[0]) && context.hasNonNull(pair[1])) {
                        checked++;
                        long text = ZonedDateTime.parse(context.get(pair[0]).asText(), API_GATEWAY).toInstant().toEpochMilli();
                        if (text != context.get(pair[1]).asLong()) {
                            disagree.add(TemplateFixture.ROOT.relativize(f) + ": " + pair[0] + " " + context.get(pair[0]).asText()
                                    + " is " + text + ", " + pair[1] + " says " + context.get(pair[1]).asLong());
                        }
                    }
                }
            }
        }
        assertTrue(checked > 40, "checked only " + checked + " times: are the samples where this looks?");
        assertEquals(List.of(), disagree);
    }

    /** A named stage is in the paths an HTTP API sends; the samples use the template's default stage. */
    @Test
    void theHttpSamplesAreOnTheTemplatesStageAndTheirPathsCarryIt() throws Exception {
        @SuppressWarnings("unchecked")
        String stage = String.valueOf(((Map<String, Object>) ((Map<String, Object>)
                TemplateFixture.TEMPLATE.root().get("Parameters")).get("Stage")).get("Default"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(TemplateFixture.ROOT.resolve("events/http"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(f.toFile());
                JsonNode context = event.path("requestContext");
                checked++;
                String rawPath = event.path("rawPath").asText();
                if (!context.path("stage").asText().equals(stage) || !rawPath.startsWith("/" + stage + "/")
                        || !context.at("/http/path").asText().equals(rawPath)) {
                    wrong.add(TemplateFixture.ROOT.relativize(f) + ": stage " + context.path("stage").asText()
                            + ", rawPath " + rawPath + ", http.path " + context.at("/http/path").asText());
                }
            }
        }
        assertEquals("dev", stage);
        assertTrue(checked > 40, "checked only " + checked + " samples");
        assertEquals(List.of(), wrong);
    }
}
