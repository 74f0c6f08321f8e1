package org.whatmatters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;

/** What the code logs during each test, as the JSON lines it wrote ({@code @RegisterExtension}). */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream was;

    @Override
    public void beforeEach(ExtensionContext context) {
        captured.reset();
        was = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Log.redirect(was);
    }

    /** Everything written, as text. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    public List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(Json.read(line, JsonNode.class));
            }
        }
        return out;
    }
}
