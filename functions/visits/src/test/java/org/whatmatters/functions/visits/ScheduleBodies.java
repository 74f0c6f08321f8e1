package org.whatmatters.functions.visits;

import java.util.List;
import org.whatmatters.json.Json;

/** Schedule request bodies for the tests: one line, or lines given as JSON. */
final class ScheduleBodies {

    static final String ADDRESS = "{\"address\":\"14 Orchard Lane, Leeds LS6 2AB\"}";

    private ScheduleBodies() {
    }

    /** A line on {@code days} at {@code start} for {@code minutes}, by {@code workers}. */
    static String line(List<String> days, String start, int minutes, String... workers) {
        return """
                {"days":%s,"start":"%s","durationMinutes":%d,"serviceType":"personal-care","preferredWorkers":%s}"""
                .formatted(Json.write(days), start, minutes, Json.write(List.of(workers)));
    }

    static String schedule(String validFrom, String... lines) {
        return "{\"entries\":[" + String.join(",", lines) + "],\"location\":" + ADDRESS + ",\"validFrom\":\""
                + validFrom + "\"}";
    }

    /** Mondays and Thursdays 09:00 for an hour, Amara, from the test's today. */
    static String mondaysAndThursdays() {
        return schedule("2026-11-23", line(List.of("monday", "thursday"), "09:00", 60, "w-amara"));
    }
}
