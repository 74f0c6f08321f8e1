package org.whatmatters.local.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.demo.DemoUser;

/**
 * Dev tokens for the demo users, signed by the local cloud's key of this run. Written to
 * .local-cloud/ (git-ignored) as JSON and as shell exports, so a newcomer can curl the API.
 */
final class DevTokens {

    private DevTokens() {
    }

    static ArrayNode json(LocalCloud cloud) {
        ArrayNode users = Json.MAPPER.createArrayNode();
        for (DemoUser u : DemoUser.ALL) {
            ObjectNode n = users.addObject().put("sub", u.sub()).put("name", u.name()).put("role", u.role())
                    .put("description", u.description()).put("token", cloud.token(u.sub()));
            u.custom().forEach(n::put);
        }
        return users;
    }

    static void write(Path dir, LocalCloud cloud) {
        ArrayNode users = json(cloud);
        StringBuilder env = new StringBuilder("# source this file: dev tokens of the running local cloud\n");
        env.append("export API=").append(cloud.httpEndpoint()).append('\n');
        env.append("export LOCAL=").append(cloud.localEndpoint()).append('\n');
        env.append("export SQS=").append(cloud.sqsEndpoint()).append('\n');
        cloud.webSocketEndpoints().values().stream().findFirst()
                .ifPresent(ws -> env.append("export WS=").append(ws).append('\n'));
        users.forEach(u -> env.append("export TOKEN_").append(u.get("name").asText().toUpperCase(Locale.ROOT))
                .append('=').append(u.get("token").asText()).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tokens.json"), Json.write(users));
            Files.writeString(dir.resolve("env"), env);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write dev tokens to " + dir, e);
        }
    }
}
