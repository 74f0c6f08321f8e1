package org.whatmatters.config;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The one way configuration reaches code: the process environment in Lambda, a map in the
 * local cloud (several functions share one JVM there) and in tests.
 */
@FunctionalInterface
public interface Env {

    Optional<String> get(String name);

    default String require(String name) {
        return get(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    /** The provider's time zone, which decides a visit's date. */
    default ZoneId zone() {
        return ZoneId.of(get("TIME_ZONE").filter(z -> !z.isBlank()).orElse("Europe/London"));
    }

    static Env system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Env of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
