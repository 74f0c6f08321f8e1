package org.whatmatters.visits;

import java.util.List;

/** One page of a client's visits, newest first; {@code nextCursor} is absent on the last page. */
public record VisitList(List<VisitView> visits, String nextCursor) {
}
