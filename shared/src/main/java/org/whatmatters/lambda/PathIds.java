package org.whatmatters.lambda;

import java.util.Map;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.validation.Ids;

/**
 * Every path parameter of this API is an id, and is checked against the one id rule before anything
 * is read: on a read a malformed id is as unknown as any other (404), on a write it is a bad request (400).
 */
final class PathIds {

    private static final Map<String, String> NOUNS = Map.ofEntries(Map.entry("clientId", "Client"),
            Map.entry("visitId", "Visit"), Map.entry("teamId", "Team"), Map.entry("contractId", "Contract"),
            Map.entry("periodId", "Survey period"), Map.entry("storyId", "Story"), Map.entry("summaryId", "Summary"),
            Map.entry("familySub", "Family link"), Map.entry("workerId", "Team member"),
            Map.entry("commissionerId", "Commissioner"), Map.entry("sub", "Account"));

    private PathIds() {
    }

    static Map<String, String> check(Map<String, String> path, boolean read) {
        path.forEach((name, value) -> {
            if (!Ids.valid(value)) {
                throw read ? ProblemException.notFound(NOUNS.getOrDefault(name, "The " + name) + " " + shown(value))
                        : ProblemException.invalidField(name, "must be " + Ids.RULE);
            }
        });
        return path;
    }

    /** Enough of what the caller sent to recognise it, and nothing that would garble a log line. */
    static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String printable = value.codePoints().filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.codePointCount(0, printable.length()) > Ids.MAX_LENGTH
                ? printable.substring(0, printable.offsetByCodePoints(0, Ids.MAX_LENGTH)) + "…" : printable;
    }
}
