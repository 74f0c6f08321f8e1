package org.whatmatters.summaries;

import java.util.Objects;

/** A figure as published: its value, or no value and why it is suppressed. */
public record Figure<T>(T value, Suppression suppressed) {

    public Figure {
        if ((value == null) == (suppressed == null)) {
            throw new IllegalArgumentException("a figure has a value or a suppression, not both or neither");
        }
    }

    public static <T> Figure<T> of(T value) {
        return new Figure<>(Objects.requireNonNull(value), null);
    }

    public static <T> Figure<T> suppressed(Suppression why) {
        return new Figure<>(null, Objects.requireNonNull(why));
    }

    public boolean shown() {
        return suppressed == null;
    }
}
