package org.whatmatters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.TestCloud;

/**
 * The published documents' schemas in docs/schemas, checked by a full JSON Schema Draft 2020-12
 * implementation (networknt), with {@code format} asserted rather than only annotated and unknown
 * keywords refused.
 */
public final class SchemaCheck {

    // A misspelled keyword ("maxitem") would otherwise be ignored, and the schema would check less than it says.
    private static final Dialect STRICT_2020_12 = Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance()).build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(STRICT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final String name;
    private final String text;
    private final JsonNode root;
    private final Schema schema;

    private SchemaCheck(String name, String text) {
        this.name = name;
        this.text = text;
        this.root = Json.read(text, JsonNode.class);
        this.schema = REGISTRY.getSchema(text, InputFormat.JSON);
    }

    /** The repository's docs/schemas. */
    public static Path folder() {
        return TestCloud.repoRoot().resolve("docs").resolve("schemas");
    }

    /** A schema given as text; one with a keyword Draft 2020-12 does not define is refused here. */
    public static SchemaCheck of(String name, String text) {
        return new SchemaCheck(name, text);
    }

    public static SchemaCheck load(String fileName) {
        try {
            return of(fileName, Files.readString(folder().resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchemaCheck commissionerSummary() {
        return load("commissioner-summary.v1.schema.json");
    }

    public static SchemaCheck teamDashboard() {
        return load("team-dashboard.v1.schema.json");
    }

    public JsonNode schema() {
        return root;
    }

    /** Where the document breaks the schema, one line each ("#/impact/stories/0 required: …"); empty when valid. */
    public List<String> errors(JsonNode document) {
        return lines(schema.validate(Json.write(document), InputFormat.JSON));
    }

    private static List<String> lines(List<Error> errors) {
        return errors.stream().map(e -> "#" + e.getInstanceLocation() + " " + e.getKeyword() + ": " + e.getMessage())
                .toList();
    }

    public void assertValid(JsonNode document) {
        List<String> errors = errors(document);
        if (!errors.isEmpty()) {
            throw new AssertionError("not valid against " + name + ":\n  " + String.join("\n  ", errors));
        }
    }

    /** Where the schema itself breaks the Draft 2020-12 meta-schema; empty when it is a valid schema. */
    public List<String> metaSchemaErrors() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        return lines(meta.validate(text, InputFormat.JSON));
    }

    /** The subschema a local reference ("#/$defs/figure") points at. */
    public JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException(name + ": " + ref + " does not resolve");
        }
        return target;
    }
}
