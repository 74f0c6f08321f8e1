package org.whatmatters.live;

import java.time.Instant;
import java.util.List;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.visits.VisitView;

/**
 * The {@code data} of the visit.* updates: who is coming or came, when, (once finished) what mattered,
 * which families see on the visit too, and why it was cancelled. Never the team's working notes.
 */
public record VisitData(String visitId, ServiceType serviceType, Instant plannedStart, Instant plannedEnd,
                        List<VisitView.Worker> workers, Instant actualStart, VisitView.Worker checkedInBy,
                        Instant actualEnd, String whatMattered, VisitView.CancellationNote cancellation,
                        Instant lateAt, Instant missedAt) {
}
