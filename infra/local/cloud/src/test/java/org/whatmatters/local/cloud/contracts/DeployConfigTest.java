package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.whatmatters.local.engines.Template;
import org.whatmatters.local.engines.TestCloud;

/**
 * samconfig.toml against template.yaml (SAM CLI cannot be installed here): each regional environment
 * names only parameters the template declares, gives every parameter without a default, and gives
 * values the template would accept.
 */
class DeployConfigTest {

    private static final Pattern SECTION = Pattern.compile("^\\[([a-z]+)\\.deploy\\.parameters]$");
    private static final Pattern PAIR = Pattern.compile("(\\w+)=\\\\\"(.*?)\\\\\"");

    @Test
    @SuppressWarnings("unchecked")
    void everyRegionalEnvironmentGivesTheTemplateWhatItNeeds() throws Exception {
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        Map<String, String> regions = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(TestCloud.repoRoot().resolve("samconfig.toml"))) {
            Matcher s = SECTION.matcher(line.strip());
            if (s.matches()) {
                current = s.group(1);
                envs.put(current, new LinkedHashMap<>());
            } else if (line.startsWith("[")) {
                current = null;
            } else if (current != null && line.startsWith("region = ")) {
                regions.put(current, line.substring("region = ".length()).replace("\"", "").strip());
            } else if (current != null && line.startsWith("parameter_overrides = ")) {
                Matcher m = PAIR.matcher(line);
                while (m.find()) {
                    envs.get(current).put(m.group(1), m.group(2));
                }
            }
        }
        assertTrue(envs.keySet().containsAll(List.of("london", "dublin")), envs.keySet().toString());
        assertEquals("eu-west-2", regions.get("london"));
        assertEquals("eu-west-1", regions.get("dublin"));

        Map<String, Object> declared = (Map<String, Object>) Template.load(TestCloud.repoRoot()
                .resolve("template.yaml")).root().get("Parameters");
        Set<String> required = new TreeSet<>();
        declared.forEach((name, body) -> {
            if (!((Map<String, Object>) body).containsKey("Default")) {
                required.add(name);
            }
        });
        assertTrue(required.containsAll(Set.of("JwtIssuer", "JwtAudience")), required.toString());
        envs.forEach((env, params) -> {
            assertTrue(declared.keySet().containsAll(params.keySet()), env + " names parameters the template lacks: "
                    + params.keySet());
            assertTrue(params.keySet().containsAll(required), env + " misses " + required);
            params.forEach((name, value) -> {
                Map<String, Object> p = (Map<String, Object>) declared.get(name);
                if (p.get("AllowedValues") instanceof List<?> allowed) {
                    assertTrue(allowed.stream().map(String::valueOf).toList().contains(value),
                            env + ": " + name + "=" + value + " is not one of " + allowed);
                }
                if (p.get("AllowedPattern") != null) {
                    assertTrue(value.matches(String.valueOf(p.get("AllowedPattern"))), env + ": " + name + "=" + value);
                }
                if ("Number".equals(p.get("Type"))) {
                    long n = Long.parseLong(value);
                    assertTrue(p.get("MinValue") == null || n >= ((Number) p.get("MinValue")).longValue(), name);
                    assertTrue(p.get("MaxValue") == null || n <= ((Number) p.get("MaxValue")).longValue(), name);
                }
            });
            ZoneId.of(params.getOrDefault("ProviderTimeZone", "Europe/London"));
            assertTrue(params.get("JwtIssuer").contains(regions.get(env)),
                    env + ": the user pool is in the stack's own region: " + params.get("JwtIssuer"));
        });
    }
}
