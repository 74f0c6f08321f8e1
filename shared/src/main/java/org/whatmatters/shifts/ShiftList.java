package org.whatmatters.shifts;

import java.util.List;
import org.whatmatters.domain.Shift;

/** One page of a team's shifts, latest start first; {@code nextCursor} is absent on the last page. */
public record ShiftList(List<Shift> shifts, String nextCursor) {
}
