package org.whatmatters.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** Amounts to add to the counters of one aggregate item, in the same transaction as a record. */
public record Counters(AggregateKey key, Map<String, Long> deltas) {

    public Counters {
        deltas = Map.copyOf(deltas);
    }

    /** The same deltas on another aggregate, e.g. the contract's as well as the team's. */
    public Counters at(AggregateKey other) {
        return new Counters(other, deltas);
    }

    public static Builder on(AggregateKey key) {
        return new Builder(key);
    }

    public static final class Builder {
        private final AggregateKey key;
        private final Map<String, Long> deltas = new LinkedHashMap<>();

        private Builder(AggregateKey key) {
            this.key = key;
        }

        public Builder add(String counter, long amount) {
            if (amount != 0) {
                deltas.merge(counter, amount, Long::sum);
            }
            return this;
        }

        public Counters build() {
            return new Counters(key, deltas);
        }
    }
}
