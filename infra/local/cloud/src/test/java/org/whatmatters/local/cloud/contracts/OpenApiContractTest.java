package org.whatmatters.local.cloud.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.RESOURCES;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.assertNone;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.buildHandlers;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.functions;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.handlerSource;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.openApi;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.startCloud;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.whatmatters.auth.Role;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.contracts.TemplateFixture.Built;
import org.whatmatters.local.engines.Resource;

/**
 * Checks the HTTP routes of template.yaml against the handlers that serve them and against docs/openapi.yaml,
 * both ways, and the document's own structure. Each failure says what to change.
 */
class OpenApiContractTest {

    /** A route of the template: its function, its event's name, the API it is on. */
    private record TemplateRoute(String function, String event, String apiId, String method, String path) {
        String routeKey() {
            return method + " " + path;
        }

        /** The API's $default route (an event with no Method and no Path): what no other route matches. */
        boolean noRoute() {
            return method.equals("ANY") && path.equals("$default");
        }
    }

    private static List<TemplateRoute> templateRoutes() {
        List<TemplateRoute> routes = new ArrayList<>();
        for (Resource fn : functions()) {
            Map<String, Object> events = OpenApiDoc.map(fn.properties().getOrDefault("Events", Map.of()),
                    fn.logicalId() + ".Events");
            events.forEach((name, body) -> {
                Map<String, Object> e = OpenApiDoc.map(body, name);
                if (!"HttpApi".equals(e.get("Type"))) {
                    return;
                }
                Map<String, Object> p = OpenApiDoc.map(e.getOrDefault("Properties", Map.of()), name + ".Properties");
                Object api = p.get("ApiId");
                String apiId = api instanceof Map<?, ?> ref && ref.get("Ref") != null ? String.valueOf(ref.get("Ref"))
                        : api == null ? "ServerlessHttpApi" : String.valueOf(api);
                routes.add(new TemplateRoute(fn.logicalId(), name, apiId,
                        String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        String.valueOf(p.getOrDefault("Path", "$default"))));
            });
        }
        return routes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteBelongsToOneFunctionWhoseHandlerServesIt() throws Exception {
        List<TemplateRoute> routes = templateRoutes();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> owners = new TreeMap<>();
        for (TemplateRoute r : routes) {
            owners.computeIfAbsent(r.routeKey(), k -> new ArrayList<>()).add(r.function() + "." + r.event());
            Resource api = RESOURCES.get(r.apiId());
            if (api == null || !api.type().equals("AWS::Serverless::HttpApi")) {
                problems.add(r.function() + "." + r.event() + ": ApiId must be !Ref of the template's "
                        + "AWS::Serverless::HttpApi (HttpApi), not " + r.apiId());
            }
            if (!r.noRoute() && (r.method().equals("ANY") || r.path().equals("$default") || r.path().contains("+}"))) {
                problems.add(r.function() + "." + r.event() + ": " + r.routeKey() + " is a catch-all route; name "
                        + "each method and path so that each is documented and authorised on its own");
            }
        }
        // The $default route answers every path no route matches with a 404 problem: it serves no route of its own.
        List<TemplateRoute> noRoute = routes.stream().filter(TemplateRoute::noRoute).toList();
        if (noRoute.size() != 1) {
            problems.add("the HTTP API needs exactly one $default route (an HttpApi event with no Method and no Path), "
                    + "so an unmatched path is a 404 problem rather than API Gateway's own answer; found " + noRoute);
        }
        routes = routes.stream().filter(r -> !r.noRoute()).toList();
        owners.forEach((route, claimedBy) -> {
            if (claimedBy.size() > 1) {
                problems.add(route + " is claimed by " + claimedBy + ": API Gateway keeps one; give it to one function");
            }
        });
        // The function's handler must route what the template sends it, and nothing more.
        Field routeTable;
        try {
            routeTable = HttpApiHandler.class.getDeclaredField("routes");
        } catch (NoSuchFieldException e) {
            throw new AssertionError("HttpApiHandler keeps its route table in a field named routes no longer: "
                    + "update this test to read the route keys it serves", e);
        }
        routeTable.setAccessible(true);
        Map<String, Built> built;
        // Only the route tables are read, so the cloud is needed only while the handlers are built.
        try (LocalCloud cloud = startCloud()) {
            built = buildHandlers(cloud);
        }
        Map<String, Set<String>> byFunction = new TreeMap<>();
        routes.forEach(r -> byFunction.computeIfAbsent(r.function(), k -> new TreeSet<>()).add(r.routeKey()));
        byFunction.forEach((fn, keys) -> {
            Built b = built.get(fn);
            if (b == null || b.handler() == null) {
                problems.add(fn + ": handler not built (" + (b == null ? "not in the stack" : b.failure())
                        + "), so its routes cannot be compared");
                return;
            }
            if (!(b.handler() instanceof HttpApiHandler)) {
                problems.add(fn + " has HttpApi events but " + b.handler().getClass().getName()
                        + " is not an HttpApiHandler");
                return;
            }
            Set<String> served;
            try {
                served = new TreeSet<>(((Map<String, ?>) routeTable.get(b.handler())).keySet());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            // The roles the handler lets near each route are the ones the document lists (x-roles).
            Map<String, OpenApiDoc.Operation> documented = new TreeMap<>();
            openApi().operations().forEach(o -> documented.put(o.routeKey(), o));
            ((HttpApiHandler) b.handler()).roles().forEach((routeKey, allowed) -> {
                OpenApiDoc.Operation op = documented.get(routeKey);
                Object listed = op == null ? null : op.body().get("x-roles");
                Set<String> xRoles = listed instanceof List<?> l ? new TreeSet<>(l.stream().map(String::valueOf).toList())
                        : Set.of();
                Set<String> served2 = new TreeSet<>(allowed.stream().map(Role::group).toList());
                if (op != null && !xRoles.equals(served2)) {
                    problems.add(routeKey + ": " + fn + " lets " + served2 + " call it, docs/openapi.yaml x-roles says "
                            + xRoles);
                }
            });
            Set<String> unserved = new TreeSet<>(keys);
            unserved.removeAll(served);
            Set<String> unrouted = new TreeSet<>(served);
            unrouted.removeAll(keys);
            if (!unserved.isEmpty()) {
                problems.add(fn + ": template.yaml routes " + unserved + " to it but " + b.handler().getClass()
                        .getSimpleName() + " does not serve them (every call would be 404): add the routes to the "
                        + "handler or move the events to the function that serves them");
            }
            if (!unrouted.isEmpty()) {
                problems.add(fn + ": " + b.handler().getClass().getSimpleName() + " serves " + unrouted
                        + " but template.yaml routes none of them to it: add HttpApi events or remove the routes");
            }
        });
        assertNone(problems, "Route problems");
        assertFalse(routes.isEmpty(), "the template has no HttpApi events");
    }

    @Test
    void theOpenApiDocumentHasExactlyTheTemplatesRoutesWithTheirPathParameters() {
        OpenApiDoc openApi = openApi();
        Map<String, TemplateRoute> routes = new TreeMap<>();
        templateRoutes().stream().filter(r -> !r.noRoute()).forEach(r -> routes.put(r.routeKey(), r));
        Map<String, OpenApiDoc.Operation> operations = new TreeMap<>();
        openApi.operations().forEach(o -> operations.put(o.routeKey(), o));

        Set<String> undocumented = new TreeSet<>(routes.keySet());
        undocumented.removeAll(operations.keySet());
        Set<String> notInTemplate = new TreeSet<>(operations.keySet());
        notInTemplate.removeAll(routes.keySet());
        List<String> problems = new ArrayList<>();
        undocumented.forEach(r -> problems.add(r + " (" + routes.get(r).function() + "." + routes.get(r).event()
                + ") is a route of template.yaml missing from docs/openapi.yaml: document it"));
        notInTemplate.forEach(r -> problems.add(r + " is in docs/openapi.yaml but no function of template.yaml has it: "
                + "remove it, or add the HttpApi event"));

        Set<String> operationIds = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        for (OpenApiDoc.Operation op : operations.values()) {
            String key = op.routeKey();
            Object operationId = op.body().get("operationId");
            if (!(operationId instanceof String oid) || !operationIds.add(oid)) {
                problems.add(key + ": operationId " + operationId + " is missing or used twice");
            } else if (routes.containsKey(key)) {
                String event = routes.get(key).event();
                String expected = Character.toLowerCase(event.charAt(0)) + event.substring(1);
                if (!oid.equals(expected)) {
                    problems.add(key + ": operationId " + oid + " should be " + expected + " (the template's event "
                            + routes.get(key).function() + "." + event + ", first letter lower-case)");
                }
            }
            for (String field : List.of("summary", "description")) {
                if (!(op.body().get(field) instanceof String s) || s.isBlank()) {
                    problems.add(key + ": no " + field);
                }
            }
            if (op.body().get("description") instanceof String d && !d.contains("Who may call")) {
                problems.add(key + ": the description does not say who may call it (\"**Who may call:** ...\")");
            }
            Set<String> inPath = new TreeSet<>();
            Matcher m = placeholder.matcher(op.path());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (Map<String, Object> p : op.parameters()) {
                if ("path".equals(p.get("in"))) {
                    declared.add(String.valueOf(p.get("name")));
                    if (!Boolean.TRUE.equals(p.get("required"))) {
                        problems.add(key + ": path parameter " + p.get("name") + " must be required: true");
                    }
                }
            }
            if (!inPath.equals(declared)) {
                problems.add(key + ": path parameters declared " + declared + " but the path has " + inPath);
            }

            // Errors: at least one 4xx as problem+json; each error response described as problem+json.
            Map<String, Object> responses = OpenApiDoc.map(op.body().getOrDefault("responses", Map.of()),
                    key + ".responses");
            boolean problem4xx = false;
            boolean success = false;
            // A route with no sign-in (security: [], Authorizer NONE) answers a page, not JSON, and has no caller.
            boolean open = op.body().get("security") instanceof List<?> none && none.isEmpty();
            for (var r : responses.entrySet()) {
                String status = r.getKey();
                Map<String, Object> response = OpenApiDoc.map(openApi.resolve(r.getValue()), key + "." + status);
                Map<String, Object> content = OpenApiDoc.map(response.getOrDefault("content", Map.of()), key);
                if (status.startsWith("2")) {
                    success = true;
                    if (!content.containsKey("application/json") && !(open && content.containsKey("text/html"))) {
                        problems.add(key + ": response " + status + " has no application/json schema");
                    }
                } else if (status.matches("[45]\\d\\d")) {
                    if (!content.containsKey("application/problem+json")) {
                        problems.add(key + ": response " + status + " is not application/problem+json");
                    } else if (status.startsWith("4")) {
                        problem4xx = true;
                    }
                    Object schema = OpenApiDoc.map(content.getOrDefault("application/problem+json", Map.of()), key)
                            .get("schema");
                    if (schema != null && !"#/components/schemas/Problem".equals(OpenApiDoc.map(schema, key).get("$ref"))) {
                        problems.add(key + ": response " + status + " should use the shared Problem schema");
                    }
                }
            }
            if (!problem4xx) {
                problems.add(key + ": documents no 4xx application/problem+json response");
            }
            if (!success) {
                problems.add(key + ": documents no 2xx response");
            }
            if (!open && (!responses.containsKey("401") || !responses.containsKey("403"))) {
                problems.add(key + ": every route can answer 401 (no valid token) and 403 (no role): document both");
            }
            boolean idempotencyKey = op.parameters().stream().anyMatch(p -> "header".equals(p.get("in"))
                    && "idempotency-key".equalsIgnoreCase(String.valueOf(p.get("name"))));
            if (op.writes() && !open && !idempotencyKey) {
                problems.add(key + ": a write route takes an optional Idempotency-Key header: add "
                        + "$ref: '#/components/parameters/IdempotencyKey'");
            }
            if (op.writes() && !open && (!responses.containsKey("409") || !responses.containsKey("422"))) {
                problems.add(key + ": a write route can answer 409 (same Idempotency-Key still running) and 422 "
                        + "(key reused for another request): document both");
            }
            if (!op.writes() && idempotencyKey) {
                problems.add(key + ": GET ignores Idempotency-Key; do not document it");
            }
        }
        assertNone(problems, "docs/openapi.yaml against template.yaml");
        assertEquals(routes.size(), operations.size());
    }

    @Test
    void theOpenApiDocumentIsOpenApi31WithBearerJwtAndEveryReferenceResolves() {
        OpenApiDoc openApi = openApi();
        List<String> problems = new ArrayList<>();
        if (!"3.1.0".equals(String.valueOf(openApi.root().get("openapi")))) {
            problems.add("openapi must be 3.1.0, not " + openApi.root().get("openapi"));
        }
        List<Object> security = OpenApiDoc.list(openApi.root().getOrDefault("security", List.of()), "security");
        Map<String, Object> schemes = OpenApiDoc.map(OpenApiDoc.map(openApi.root().getOrDefault("components", Map.of()),
                "components").getOrDefault("securitySchemes", Map.of()), "securitySchemes");
        boolean bearer = security.stream().flatMap(s -> OpenApiDoc.map(s, "security[]").keySet().stream())
                .map(schemes::get).anyMatch(s -> s instanceof Map<?, ?> m && "http".equals(m.get("type"))
                        && "bearer".equals(m.get("scheme")) && "JWT".equals(m.get("bearerFormat")));
        if (!bearer) {
            problems.add("the top-level security must apply an http bearer JWT scheme (the HTTP API's JWT authorizer "
                    + "guards every route)");
        }
        List<String> servers = OpenApiDoc.list(openApi.root().getOrDefault("servers", List.of()), "servers").stream()
                .map(s -> String.valueOf(OpenApiDoc.map(s, "servers[]").get("url"))).toList();
        if (!servers.contains("https://{apiId}.execute-api.{region}.amazonaws.com/{stage}")
                || !servers.contains("http://127.0.0.1:3000/dev")) {
            problems.add("servers must be the deployed execute-api URL with variables and the local cloud, not " + servers);
        }
        openApi.references().forEach((where, ref) -> {
            if (ref.startsWith("#/")) {
                try {
                    openApi.pointer(ref);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            } else if (!Files.isRegularFile(openApi.file().resolveSibling(ref.split("#")[0]).normalize())) {
                problems.add(where + ": " + ref + " is no file beside docs/openapi.yaml");
            }
        });
        assertNone(problems, "docs/openapi.yaml");
    }

    /**
     * One style of route table: each HTTP handler's static routes(...) builds Map.ofEntries of entry(routeKey,
     * Endpoint...), one for every route the template sends it, listed in docs/openapi.yaml's order (by resource, then
     * method) so that the two read side by side.
     */
    @Test
    void everyHandlerListsItsRoutesInOneStyleAndInTheDocumentsOrder() throws Exception {
        List<String> documented = openApi().operations().stream().map(OpenApiDoc.Operation::routeKey).toList();
        Pattern entry = Pattern.compile("entry\\(\"([A-Z]+ [^\"]+)\", Endpoint\\.(?:of|anyRole|open)\\(");
        Map<String, Set<String>> byFunction = new TreeMap<>();
        templateRoutes().stream().filter(r -> !r.noRoute())
                .forEach(r -> byFunction.computeIfAbsent(r.function(), k -> new TreeSet<>()).add(r.routeKey()));
        List<String> problems = new ArrayList<>();
        byFunction.forEach((fn, keys) -> {
            Path source = handlerSource(RESOURCES.get(fn));
            String text;
            try {
                text = Files.readString(source);
            } catch (IOException e) {
                problems.add(fn + ": cannot read its handler's source " + source + ": " + e);
                return;
            }
            if (!text.contains("private static Map<String, Endpoint> routes(") || !text.contains("return Map.ofEntries(")) {
                problems.add(fn + ": " + source.getFileName() + " must build its routes in a private static "
                        + "Map<String, Endpoint> routes(...) that returns Map.ofEntries(entry(...), ...)");
            }
            List<String> listed = entry.matcher(text).results().map(m -> m.group(1)).toList();
            if (!new TreeSet<>(listed).equals(keys) || listed.size() != keys.size()) {
                problems.add(fn + ": " + source.getFileName() + " lists " + listed + " as entry(key, Endpoint.of(...)); "
                        + "template.yaml routes " + keys + " to it");
            }
            List<String> inOrder = documented.stream().filter(listed::contains).toList();
            if (!listed.equals(inOrder)) {
                problems.add(fn + ": " + source.getFileName() + " lists its routes as " + listed
                        + "; in docs/openapi.yaml's order they are " + inOrder);
            }
        });
        assertNone(problems, "Route table problems");
        assertFalse(byFunction.isEmpty(), "the template has no HttpApi events");
    }

    /** docs/api.md's route table and the OpenAPI document name the same routes, so the two cannot drift apart. */
    @Test
    void theRouteTableOfTheDocsHasExactlyTheDocumentsRoutes() throws Exception {
        Set<String> documented = new TreeSet<>();
        openApi().operations().forEach(o -> documented.add(o.routeKey()));
        Set<String> tabled = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/[^`?]*)[^`]*` \\|");
        for (String line : Files.readAllLines(org.whatmatters.local.engines.TestCloud.repoRoot().resolve("docs/api.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                tabled.add(m.group(1) + " " + m.group(2));
            }
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(tabled);
        Set<String> extra = new TreeSet<>(tabled);
        extra.removeAll(documented);
        assertEquals(Set.of(), missing, "routes of docs/openapi.yaml missing from docs/api.md's table");
        assertEquals(Set.of(), extra, "rows of docs/api.md's table that docs/openapi.yaml does not have");
    }
}
