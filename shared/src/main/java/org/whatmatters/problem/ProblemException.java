package org.whatmatters.problem;

import java.util.List;

/** Thrown by domain code for anything the caller did wrong; the HTTP layer turns it into a 4xx. */
public final class ProblemException extends RuntimeException {

    private static final String TYPES = "https://whatmatters.care/problems/";

    private final transient Problem problem;

    private ProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(new Problem(TYPES + slug, title, status, detail, List.of()));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(new Problem(TYPES + "validation", "Your request is not valid", 400, detail, errors));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException malformed(String detail) {
        return of(400, "malformed-request", "Your request could not be read", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return of(401, "unauthorized", "You are not signed in", detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "You may not do this", detail);
    }

    /** Also used when the caller may not know the thing exists, so that existence does not leak. */
    public static ProblemException notFound(String what) {
        return of(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String detail) {
        return of(409, "conflict", "This conflicts with the current state", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return of(413, "too-large", "The request is too large", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Send JSON", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return of(422, "unprocessable", "The request cannot be processed", detail);
    }
}
