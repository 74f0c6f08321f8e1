package org.whatmatters.problem;

/** One field at fault in a rejected request; {@code field} is a JSON path such as {@code workerIds[1]}. */
public record FieldError(String field, String message) {
}
