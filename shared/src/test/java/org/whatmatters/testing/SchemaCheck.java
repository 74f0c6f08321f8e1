package org.whatmatters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.TestCloud;

/**
 * A small JSON Schema (2020-12) validator for the published documents' schemas in docs/schemas, so
 * tests can check real output against them without a new dependency. It knows the keywords those
 * schemas use (type, const, enum, properties, required, additionalProperties, items, minItems,
 * maxItems, uniqueItems, minimum, maximum, minLength, pattern, format date / date-time / year-month,
 * $ref to #/$defs/…, oneOf, anyOf, allOf) and fails loudly on any other, so a schema cannot rely on
 * a keyword this check would silently skip.
 */
public final class SchemaCheck {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
            "examples");

    private final String name;
    private final JsonNode root;

    private SchemaCheck(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The repository's docs/schemas. */
    public static Path folder() {
        return TestCloud.repoRoot().resolve("docs").resolve("schemas");
    }

    public static SchemaCheck load(String fileName) {
        try {
            return new SchemaCheck(fileName, Json.MAPPER.readTree(Files.readString(folder().resolve(fileName))));
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

    /** Where the document breaks the schema, one line each ("$.impact.stories[0]: …"); empty when valid. */
    public List<String> errors(JsonNode document) {
        List<String> out = new ArrayList<>();
        check(root, document, "$", out);
        return out;
    }

    public void assertValid(JsonNode document) {
        List<String> errors = errors(document);
        if (!errors.isEmpty()) {
            throw new AssertionError("not valid against " + name + ":\n  " + String.join("\n  ", errors));
        }
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

    private void check(JsonNode s, JsonNode v, String at, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode arg = e.getValue();
            if (ANNOTATIONS.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref" -> check(resolve(arg.asText()), v, at, out);
                case "type" -> {
                    boolean any = false;
                    for (JsonNode t : arg.isArray() ? toList(arg) : List.of(arg)) {
                        any |= isType(t.asText(), v);
                    }
                    if (!any) {
                        out.add(at + ": is " + v.getNodeType().toString().toLowerCase() + ", not " + arg);
                    }
                }
                case "const" -> {
                    if (!same(arg, v)) {
                        out.add(at + ": is " + v + ", not " + arg);
                    }
                }
                case "enum" -> {
                    boolean any = false;
                    for (JsonNode option : arg) {
                        any |= same(option, v);
                    }
                    if (!any) {
                        out.add(at + ": " + v + " is not one of " + arg);
                    }
                }
                case "properties" -> {
                    if (v.isObject()) {
                        arg.fieldNames().forEachRemaining(p -> {
                            if (v.has(p)) {
                                check(arg.get(p), v.get(p), at + "." + p, out);
                            }
                        });
                    }
                }
                case "additionalProperties" -> {
                    if (v.isObject()) {
                        JsonNode declared = s.path("properties");
                        v.fieldNames().forEachRemaining(p -> {
                            if (!declared.has(p)) {
                                if (arg.isBoolean()) {
                                    if (!arg.asBoolean()) {
                                        out.add(at + ": unknown property " + p);
                                    }
                                } else {
                                    check(arg, v.get(p), at + "." + p, out);
                                }
                            }
                        });
                    }
                }
                case "required" -> {
                    if (v.isObject()) {
                        arg.forEach(p -> {
                            if (!v.has(p.asText())) {
                                out.add(at + ": missing required property " + p.asText());
                            }
                        });
                    }
                }
                case "items" -> {
                    if (v.isArray()) {
                        for (int i = 0; i < v.size(); i++) {
                            check(arg, v.get(i), at + "[" + i + "]", out);
                        }
                    }
                }
                case "minItems", "maxItems" -> {
                    if (v.isArray() && (key.equals("minItems") ? v.size() < arg.asInt() : v.size() > arg.asInt())) {
                        out.add(at + ": " + v.size() + " items, " + key + " " + arg.asInt());
                    }
                }
                case "uniqueItems" -> {
                    if (v.isArray() && arg.asBoolean() && new HashSet<>(toList(v)).size() != v.size()) {
                        out.add(at + ": items repeat");
                    }
                }
                case "minimum", "maximum" -> {
                    if (v.isNumber() && (key.equals("minimum") ? v.decimalValue().compareTo(arg.decimalValue()) < 0
                            : v.decimalValue().compareTo(arg.decimalValue()) > 0)) {
                        out.add(at + ": " + v + " is beyond the " + key + " " + arg);
                    }
                }
                case "minLength" -> {
                    if (v.isTextual() && v.asText().codePointCount(0, v.asText().length()) < arg.asInt()) {
                        out.add(at + ": shorter than " + arg.asInt());
                    }
                }
                case "pattern" -> {
                    if (v.isTextual() && !Pattern.compile(arg.asText()).matcher(v.asText()).find()) {
                        out.add(at + ": " + v + " does not match " + arg.asText());
                    }
                }
                case "format" -> {
                    if (v.isTextual() && !format(arg.asText(), v.asText())) {
                        out.add(at + ": " + v + " is not a " + arg.asText());
                    }
                }
                case "oneOf", "anyOf", "allOf" -> {
                    int matched = 0;
                    List<String> why = new ArrayList<>();
                    for (JsonNode branch : arg) {
                        List<String> errors = new ArrayList<>();
                        check(branch, v, at, errors);
                        matched += errors.isEmpty() ? 1 : 0;
                        why.addAll(errors);
                    }
                    boolean ok = switch (key) {
                        case "oneOf" -> matched == 1;
                        case "anyOf" -> matched >= 1;
                        default -> matched == arg.size();
                    };
                    if (!ok) {
                        out.add(at + ": matches " + matched + " of the " + arg.size() + " " + key + " branches "
                                + why.stream().distinct().toList());
                    }
                }
                default -> throw new IllegalStateException(name + ": keyword " + key + " is not supported here");
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static boolean isType(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "number" -> v.isNumber();
            // as JSON Schema has it, 1.0 is an integer too
            case "integer" -> v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    /** JSON equality, with numbers compared by value (1 and 1.0 are the same). */
    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static boolean format(String format, String s) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(s);
                case "date-time" -> OffsetDateTime.parse(s);
                case "year-month" -> YearMonth.parse(s);
                default -> throw new IllegalStateException("format " + format + " is not supported here");
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
