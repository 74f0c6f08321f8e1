package org.whatmatters.local.cloud.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.whatmatters.local.engines.CfnYaml;

/**
 * docs/openapi.yaml, parsed (snakeyaml-engine, through the template reader), with its local {@code $ref}s
 * followed on request. Test support for {@link OpenApiContractTest}.
 */
record OpenApiDoc(Path file, Map<String, Object> root) {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    /** One operation: upper-case method, the path as written, the operation, and its parameters (path item's and own). */
    record Operation(String method, String path, Map<String, Object> body, List<Map<String, Object>> parameters) {

        String routeKey() {
            return method + " " + path;
        }

        boolean writes() {
            return WRITE_METHODS.contains(method.toLowerCase(Locale.ROOT));
        }
    }

    static OpenApiDoc load(Path file) {
        try {
            return new OpenApiDoc(file, CfnYaml.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        map(root.getOrDefault("paths", Map.of()), "paths").forEach((path, item) -> {
            Map<String, Object> pathItem = map(resolve(item), "paths." + path);
            List<Object> shared = list(pathItem.getOrDefault("parameters", List.of()), path + ".parameters");
            pathItem.forEach((key, value) -> {
                if (!METHODS.contains(key)) {
                    return;
                }
                Map<String, Object> op = map(value, path + "." + key);
                Map<String, Map<String, Object>> params = new LinkedHashMap<>();
                // An operation's own parameter overrides the path item's of the same name and location.
                for (Object p : shared) {
                    Map<String, Object> param = map(resolve(p), path + ".parameters[]");
                    params.put(param.get("in") + ":" + param.get("name"), param);
                }
                for (Object p : list(op.getOrDefault("parameters", List.of()), path + "." + key + ".parameters")) {
                    Map<String, Object> param = map(resolve(p), path + "." + key + ".parameters[]");
                    params.put(param.get("in") + ":" + param.get("name"), param);
                }
                ops.add(new Operation(key.toUpperCase(Locale.ROOT), path, op, List.copyOf(params.values())));
            });
        });
        return ops;
    }

    /** Follows a local {@code $ref} (a JSON pointer into this document), repeatedly; anything else as it is. */
    Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; hops < 20; hops++) {
            if (!(current instanceof Map<?, ?> m) || !(m.get("$ref") instanceof String ref) || !ref.startsWith("#/")) {
                return current;
            }
            current = pointer(ref);
        }
        throw new IllegalStateException("$ref cycle at " + node);
    }

    /** The node a local reference names; IllegalArgumentException when it names nothing. */
    Object pointer(String ref) {
        Object at = root;
        for (String raw : ref.substring(2).split("/")) {
            String key = raw.replace("~1", "/").replace("~0", "~");
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new IllegalArgumentException(ref + " names nothing in " + file.getFileName());
            }
            at = m.get(key);
        }
        return at;
    }

    /** Every {@code $ref} string anywhere in the document, with where it is. */
    Map<String, String> references() {
        Map<String, String> refs = new LinkedHashMap<>();
        collect(root, "", refs);
        return refs;
    }

    private static void collect(Object node, String where, Map<String, String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (k.equals("$ref") && v instanceof String s) {
                    refs.put(where + "/$ref", s);
                } else {
                    collect(v, where + "/" + k, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), where + "/" + i, refs);
            }
        }
    }

    Map<String, Object> schemas() {
        return map(map(root.getOrDefault("components", Map.of()), "components").getOrDefault("schemas", Map.of()),
                "components.schemas");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected a mapping, got " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + ": expected a list, got " + value);
    }
}
