package org.whatmatters.visits;

/** The query string of {@code GET /clients/{clientId}/visits}, as given (validated by the service). */
public record VisitQuery(String from, String to, String limit, String cursor) {
}
