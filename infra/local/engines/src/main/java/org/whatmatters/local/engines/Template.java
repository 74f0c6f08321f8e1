package org.whatmatters.local.engines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed CloudFormation/SAM template (intrinsics in long form), read for what the local engines need. */
public record Template(Map<String, Object> root) {

    public static Template load(Path file) {
        return new Template(CfnYaml.load(file));
    }

    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        Object section = root.get("Resources");
        if (section == null) {
            return resources;
        }
        map(section, "Resources").forEach((id, body) -> {
            Map<String, Object> resource = map(body, id);
            Object props = resource.get("Properties");
            resources.put(id, new Resource(id, text(resource.get("Type"), id + ".Type"),
                    props == null ? Map.of() : map(props, id + ".Properties")));
        });
        return resources;
    }

    public List<TableSpec> tables() {
        List<TableSpec> tables = new ArrayList<>();
        for (Resource r : resources().values()) {
            switch (r.type()) {
                case "AWS::DynamoDB::Table" -> tables.add(table(r));
                case "AWS::Serverless::SimpleTable" -> tables.add(simpleTable(r));
                default -> { }
            }
        }
        return tables;
    }

    public TableSpec table(String logicalId) {
        return tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + logicalId + " in the template"));
    }

    public List<BucketSpec> buckets() {
        return resources().values().stream()
                .filter(r -> r.type().equals("AWS::S3::Bucket"))
                .map(r -> new BucketSpec(r.logicalId(), literalOrNull(r.properties().get("BucketName"))))
                .toList();
    }

    private static TableSpec table(Resource r) {
        String id = r.logicalId();
        Map<String, Object> p = r.properties();
        if (p.containsKey("LocalSecondaryIndexes")) {
            throw new UnsupportedOperationException(id + ": LocalSecondaryIndexes are not supported locally yet");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object a : list(p.get("AttributeDefinitions"), id + ".AttributeDefinitions")) {
            Map<String, Object> def = map(a, id + ".AttributeDefinitions[]");
            attributes.put(text(def.get("AttributeName"), id + ".AttributeName"),
                    text(def.get("AttributeType"), id + ".AttributeType"));
        }
        String[] keys = keys(p.get("KeySchema"), id + ".KeySchema");
        List<GsiSpec> gsis = new ArrayList<>();
        for (Object g : p.containsKey("GlobalSecondaryIndexes")
                ? list(p.get("GlobalSecondaryIndexes"), id + ".GlobalSecondaryIndexes") : List.of()) {
            gsis.add(gsi(map(g, id + ".GlobalSecondaryIndexes[]"), id));
        }
        String stream = p.get("StreamSpecification") == null ? null
                : text(map(p.get("StreamSpecification"), id).get("StreamViewType"), id + ".StreamViewType");
        String ttl = null;
        if (p.get("TimeToLiveSpecification") != null) {
            Map<String, Object> spec = map(p.get("TimeToLiveSpecification"), id + ".TimeToLiveSpecification");
            if (Boolean.parseBoolean(String.valueOf(spec.get("Enabled")))) {
                ttl = text(spec.get("AttributeName"), id + ".TimeToLiveSpecification.AttributeName");
            }
        }
        return new TableSpec(id, literalOrNull(p.get("TableName")), attributes, keys[0], keys[1],
                List.copyOf(gsis), stream, ttl);
    }

    private static GsiSpec gsi(Map<String, Object> g, String tableId) {
        String name = text(g.get("IndexName"), tableId + ".IndexName");
        String where = tableId + "." + name;
        String[] keys = keys(g.get("KeySchema"), where + ".KeySchema");
        Map<String, Object> projection = map(g.get("Projection"), where + ".Projection");
        Object type = projection.get("ProjectionType");
        List<String> nonKey = new ArrayList<>();
        if (projection.get("NonKeyAttributes") != null) {
            for (Object a : list(projection.get("NonKeyAttributes"), where + ".NonKeyAttributes")) {
                nonKey.add(text(a, where + ".NonKeyAttributes[]"));
            }
        }
        // ProjectionType is optional in CloudFormation; NonKeyAttributes only make sense with INCLUDE.
        String projectionType = type != null ? text(type, where + ".ProjectionType")
                : nonKey.isEmpty() ? "KEYS_ONLY" : "INCLUDE";
        return new GsiSpec(name, keys[0], keys[1], projectionType, List.copyOf(nonKey));
    }

    private static TableSpec simpleTable(Resource r) {
        String id = r.logicalId();
        Object pk = r.properties().get("PrimaryKey");
        Map<String, Object> key = pk == null ? Map.of("Name", "id", "Type", "String") : map(pk, id + ".PrimaryKey");
        String name = text(key.get("Name"), id + ".PrimaryKey.Name");
        String type = switch (text(key.get("Type"), id + ".PrimaryKey.Type")) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> throw new IllegalArgumentException(id + ": PrimaryKey.Type must be String, Number or Binary");
        };
        return new TableSpec(id, literalOrNull(r.properties().get("TableName")), Map.of(name, type),
                name, null, List.of(), null, null);
    }

    /** [hash, range]; range is null when absent. */
    private static String[] keys(Object keySchema, String where) {
        String[] keys = new String[2];
        for (Object k : list(keySchema, where)) {
            Map<String, Object> element = map(k, where + "[]");
            String attr = text(element.get("AttributeName"), where + ".AttributeName");
            switch (text(element.get("KeyType"), where + ".KeyType")) {
                case "HASH" -> keys[0] = attr;
                case "RANGE" -> keys[1] = attr;
                default -> throw new IllegalArgumentException(where + ": KeyType must be HASH or RANGE");
            }
        }
        if (keys[0] == null) {
            throw new IllegalArgumentException(where + ": no HASH key");
        }
        return keys;
    }

    private static String literalOrNull(Object value) {
        return value instanceof String s ? s : null;
    }

    private static String text(Object value, String where) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(where + ": expected a literal string, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected a mapping, got " + value);
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(where + ": expected a list, got " + value);
    }
}
