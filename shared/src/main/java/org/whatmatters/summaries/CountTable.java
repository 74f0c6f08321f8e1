package org.whatmatters.summaries;

import java.util.List;

/** Counts broken down by a key, with their total, as published after disclosure control. */
public record CountTable<K>(Figure<Long> total, List<Cell<K>> cells) {

    public CountTable {
        cells = List.copyOf(cells);
    }

    public Figure<Long> cell(K key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst().map(Cell::count)
                .orElseThrow(() -> new IllegalArgumentException("no cell " + key));
    }
}
