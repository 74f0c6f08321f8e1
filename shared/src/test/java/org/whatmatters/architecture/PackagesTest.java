package org.whatmatters.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of shared, as their package-info says: each says what it holds and what it may depend
 * on, each imports only those, and no two packages depend on each other, however indirectly.
 */
class PackagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "org.whatmatters.";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?org\\.whatmatters\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]\\w*(?:\\.\\w+)?;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("org\\.whatmatters\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
    private static final Pattern ALLOWED = Pattern.compile("May depend on: ([a-z., ]+?)\\.(?:\\s|/|$)");

    /** Each package and the packages it uses (imports, and names written out in code). */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String s = Files.readString(f);
                Matcher pm = PACKAGE.matcher(s);
                assertTrue(pm.find(), f + " has no package");
                String pkg = pm.group(1).substring(ROOT.length());
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher im = IMPORT.matcher(s);
                while (im.find()) {
                    used.add(im.group(1));
                }
                Matcher qm = QUALIFIED.matcher(s.replaceAll("(?m)^(package|import) .*$", ""));
                while (qm.find()) {
                    used.add(qm.group(1));
                }
                used.remove(pkg);
            }
        }
        return uses;
    }

    @Test
    void everyPackageSaysWhatItHoldsAndUsesOnlyWhatItMay() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> problems = new ArrayList<>();
        for (var e : uses.entrySet()) {
            Path info = SOURCES.resolve((ROOT + e.getKey()).replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(e.getKey() + ": no package-info.java saying what it holds and what it may depend on");
                continue;
            }
            Matcher m = ALLOWED.matcher(Files.readString(info).replaceAll("\\s*\\*\\s*", " "));
            if (!m.find()) {
                problems.add(e.getKey() + ": its package-info does not say \"May depend on: ...\"");
                continue;
            }
            Set<String> allowed = new HashSet<>();
            for (String a : m.group(1).split(",")) {
                allowed.add(a.strip());
            }
            allowed.remove("nothing");
            Set<String> beyond = new TreeSet<>(e.getValue());
            beyond.removeAll(allowed);
            if (!beyond.isEmpty()) {
                problems.add(e.getKey() + " uses " + beyond + ", which its package-info does not allow");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            // every package reachable from start; a cycle is a path back to it
            Map<String, String> cameFrom = new HashMap<>();
            List<String> queue = new ArrayList<>(uses.getOrDefault(start, Set.of()));
            queue.forEach(n -> cameFrom.put(n, start));
            for (int i = 0; i < queue.size(); i++) {
                String n = queue.get(i);
                if (n.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = cameFrom.get(start); !p.equals(start); p = cameFrom.get(p)) {
                        path.addFirst(p);
                    }
                    cycles.add(start + " <- " + String.join(" <- ", path));
                    break;
                }
                for (String next : uses.getOrDefault(n, Set.of())) {
                    if (!cameFrom.containsKey(next)) {
                        cameFrom.put(next, n);
                        queue.add(next);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }
}
