package org.whatmatters.lambda;

import java.util.Map;
import java.util.Optional;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ListQuery;
import org.whatmatters.json.Json;
import org.whatmatters.problem.ProblemException;

/** An HTTP API request after parsing: the route, its parameters, the verified caller and the body. */
public record ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> query,
                         Map<String, String> headers, String body, Caller caller) {

    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.malformed("The path parameter " + name + " is missing");
        }
        return value;
    }

    public String query(String name) {
        return query.get(name);
    }

    /** A listing's query string: from, to, limit, cursor. */
    public ListQuery listQuery() {
        return new ListQuery(query.get("from"), query.get("to"), query.get("limit"), query.get("cursor"));
    }

    /** A query parameter that names an id: checked against the id rule as a path's are (404 on a read, 400 on a write). */
    public String queryId(String name) {
        String value = query.get(name);
        if (value != null) {
            PathIds.check(Map.of(name, value), routeKey.startsWith("GET "));
        }
        return value;
    }

    /** Header names are matched case-insensitively, as HTTP requires. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public <T> T body(Class<T> type) {
        header("content-type").ifPresent(ct -> {
            String mediaType = ct.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw ProblemException.unsupportedMediaType("Send the body as application/json, not " + mediaType);
            }
        });
        return Json.readBody(body, type);
    }
}
