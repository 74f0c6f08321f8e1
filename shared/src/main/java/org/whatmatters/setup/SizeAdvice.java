package org.whatmatters.setup;

import java.util.Optional;

/** The flag a team of 12 or more carries: self-managing teams work best around ten. */
public record SizeAdvice(int size, String flag, String message) {

    public static final int SPLIT_AT = 12;

    public static Optional<SizeAdvice> of(int size) {
        return size < SPLIT_AT ? Optional.empty() : Optional.of(new SizeAdvice(size, "split-advised",
                "Teams work best around 10; at " + SPLIT_AT + " or more, consider splitting."));
    }
}
