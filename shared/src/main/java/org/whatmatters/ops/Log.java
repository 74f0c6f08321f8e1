package org.whatmatters.ops;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.whatmatters.json.Json;

/**
 * The one way code logs: one JSON object per line on stdout, carrying the current invocation's
 * function, request id and correlation id, so CloudWatch Logs Insights can filter by any of them.
 * Plain stdout, no logging library: it costs nothing at cold start (bench/cold-start.sh).
 */
public final class Log {

    private static volatile PrintStream out = System.out;

    private Log() {
    }

    public static void info(String message, Object... fields) {
        write("INFO", message, fields);
    }

    public static void warn(String message, Object... fields) {
        write("WARN", message, fields);
    }

    public static void error(String message, Object... fields) {
        write("ERROR", message, fields);
    }

    /** {@code fields} are name, value pairs; a null value is left out. */
    static void write(String level, String message, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        Invocation.current().ifPresent(i -> i.describe(line));
        for (int k = 0; k + 1 < fields.length; k += 2) {
            if (fields[k + 1] != null) {
                line.put(String.valueOf(fields[k]), fields[k + 1]);
            }
        }
        emit(Json.write(line));
    }

    static void emit(String json) {
        out.println(json);
    }

    /** Where lines go; tests read them. Answers the previous stream. */
    public static PrintStream redirect(PrintStream to) {
        PrintStream was = out;
        out = to;
        return was;
    }
}
