package org.whatmatters.live;

import java.util.List;

/** One page of a client's updates, oldest first; {@code nextCursor} is absent on the last page. */
public record UpdateList(List<LiveMessage> updates, String nextCursor) {
}
