package org.whatmatters.local.cloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection as API Gateway does it: the most specific path wins (literal segments
 * over {param} over {greedy+}), an exact method over ANY, and $default when nothing matches.
 */
final class RouteTable {

    record Entry(String functionId, HttpApiSpec api, EventSource.HttpRoute route) {
    }

    record Match(Entry entry, Map<String, String> pathParameters) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * {@code rawPath} is matched segment by segment before it is decoded, as API Gateway does, so an
     * encoded slash (%2F) stays inside its segment; each path parameter is the decoded segment. A path
     * of a named stage starts with it (/dev/visits/...), as in AWS, and one without it matches nothing.
     */
    Optional<Match> match(String method, String rawPath) {
        List<Candidate> found = new ArrayList<>();
        for (Entry e : entries) {
            String path = inStage(rawPath, e.api().stage());
            if (path == null || e.route().path().equals("$default")) {
                continue;
            }
            if (!e.route().method().equals("ANY") && !e.route().method().equals(method)) {
                continue;
            }
            Map<String, String> params = bind(split(e.route().path()), split(path));
            if (params != null) {
                found.add(new Candidate(e, params, score(e.route())));
            }
        }
        Optional<Match> best = found.stream().max(Comparator.comparingLong(Candidate::score))
                .map(c -> new Match(c.entry(), c.params()));
        if (best.isPresent()) {
            return best;
        }
        return entries.stream().filter(e -> e.route().path().equals("$default"))
                .filter(e -> inStage(rawPath, e.api().stage()) != null).findFirst()
                .map(e -> new Match(e, Map.of()));
    }

    private record Candidate(Entry entry, Map<String, String> params, long score) {
    }

    /** Earlier segments weigh more; a literal beats a parameter beats a greedy one; a method beats ANY. */
    private static long score(EventSource.HttpRoute route) {
        String[] t = split(route.path());
        long score = 0;
        for (int i = 0; i < 16; i++) {
            score *= 4;
            if (i < t.length) {
                score += t[i].endsWith("+}") ? 1 : t[i].startsWith("{") ? 2 : 3;
            }
        }
        return score * 2 + (route.method().equals("ANY") ? 0 : 1);
    }

    private static Map<String, String> bind(String[] template, String[] path) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= path.length) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 2), decode(String.join("/", List.of(path).subList(i, path.length))));
                return params;
            }
            if (i >= path.length) {
                return null;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), decode(path[i]));
            } else if (!t.equals(decode(path[i]))) {
                return null;
            }
        }
        return template.length == path.length ? params : null;
    }

    private static String decode(String segment) {
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** The path after a named stage's prefix, or null when the path is not under it: API Gateway answers 404. */
    private static String inStage(String path, String stage) {
        if (stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        return path.equals(prefix) || path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
