package org.whatmatters.live;

/** The query string of {@code GET /clients/{clientId}/updates}, as given (validated by the service). */
public record UpdatesQuery(String since, String limit, String cursor) {
}
