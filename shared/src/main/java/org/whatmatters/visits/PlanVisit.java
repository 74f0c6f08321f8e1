package org.whatmatters.visits;

import java.time.Instant;
import java.util.List;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;

/** The body of {@code POST /clients/{clientId}/visits}. */
public record PlanVisit(ServiceType serviceType, Instant plannedStart, Instant plannedEnd, List<String> workerIds,
                        Location location) {
}
