package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.Template;
import org.whatmatters.local.engines.TestCloud;

/**
 * infra/web/publish.sh against a stand-in {@code aws} (no AWS here): it asks only for outputs the
 * template has, writes the config.json the pages read, syncs web/ without its README and never caches
 * config.json.
 */
class PublishScriptTest {

    private static final Path ROOT = TestCloud.repoRoot();

    @Test
    void everyOutputTheScriptReadsIsATemplateOutput() throws Exception {
        String script = Files.readString(ROOT.resolve("infra/web/publish.sh"));
        Set<String> asked = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\(output ([A-Za-z]+)").matcher(script);
        while (m.find()) {
            asked.add(m.group(1));
        }
        assertTrue(asked.size() >= 8 && asked.contains("WebUrl"), asked.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) Template.load(ROOT.resolve("template.yaml")).root()
                .get("Outputs");
        assertTrue(outputs.keySet().containsAll(asked), "missing outputs: " + asked + " vs " + outputs.keySet());
    }

    @Test
    void itWritesTheConfigThePagesReadAndUploadsThePages(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.log");
        Path aws = dir.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$1 $2" in
                  "cloudformation describe-stacks")
                    key=$(printf '%%s' "$*" | sed -n "s/.*OutputKey=='\\([A-Za-z]*\\)'.*/\\1/p")
                    case "$key" in
                      HttpApiUrl) echo "https://abc123.execute-api.eu-west-2.amazonaws.com/prod" ;;
                      LiveApiUrl) echo "wss://def456.execute-api.eu-west-2.amazonaws.com/prod" ;;
                      Stage) echo "prod" ;;
                      ProviderTimeZone) echo "Europe/Dublin" ;;
                      WebBucketName) echo "wm-web-bucket" ;;
                      WebDistributionId) echo "E123" ;;
                      CognitoDomain) echo "riverside.auth.eu-west-2.amazoncognito.com" ;;
                      WebClientId) echo "client-1" ;;
                      WebUrl) echo "https://d111.cloudfront.net" ;;
                    esac ;;
                  "s3 cp") cp "$3" "%s" ;;
                esac
                """.formatted(log, dir.resolve("config.json")));
        assertTrue(aws.toFile().setExecutable(true));
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("infra/web/publish.sh").toString(), "wm-prod",
                "eu-west-2").redirectErrorStream(true);
        pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process run = pb.start();
        String out = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), out);
        assertTrue(out.contains("https://d111.cloudfront.net/"), out);

        JsonNode config = Json.MAPPER.readTree(Files.readString(dir.resolve("config.json")));
        assertEquals("https://abc123.execute-api.eu-west-2.amazonaws.com/prod", config.get("apiUrl").asText());
        assertEquals("wss://def456.execute-api.eu-west-2.amazonaws.com/prod", config.get("wsUrl").asText());
        assertEquals("prod", config.get("environment").asText());
        assertEquals("Europe/Dublin", config.get("timeZone").asText(), "the pages show times in the provider's zone");
        assertEquals("https://riverside.auth.eu-west-2.amazoncognito.com/oauth2/authorize",
                config.at("/auth/authorizeUrl").asText());
        assertEquals("https://riverside.auth.eu-west-2.amazoncognito.com/oauth2/token", config.at("/auth/tokenUrl").asText());
        assertEquals("client-1", config.at("/auth/clientId").asText());

        List<String> calls = Files.readAllLines(log);
        String sync = calls.stream().filter(c -> c.startsWith("s3 sync")).findFirst().orElseThrow();
        assertTrue(sync.contains("web/ s3://wm-web-bucket/") && sync.contains("--delete")
                && sync.contains("--exclude README.md"), sync);
        String cp = calls.stream().filter(c -> c.startsWith("s3 cp")).findFirst().orElseThrow();
        assertTrue(cp.contains("s3://wm-web-bucket/config.json") && cp.contains("no-store"), cp);
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("cloudfront create-invalidation --distribution-id E123")),
                calls.toString());
    }
}
