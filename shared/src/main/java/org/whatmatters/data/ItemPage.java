package org.whatmatters.data;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record ItemPage<T>(List<T> items, String nextCursor) {

    public ItemPage {
        items = List.copyOf(items);
    }
}
