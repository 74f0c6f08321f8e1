package org.whatmatters.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A care visit. It carries the six EVV elements: service type, person supported (clientId), date
 * (serviceDate, in the provider's zone), location, person(s) providing (workerIds) and begin/end
 * time (planned, and actual once checked in and out).
 */
public record Visit(
        String visitId,
        String clientId,
        String teamId,
        ServiceType serviceType,
        LocalDate serviceDate,
        Instant plannedStart,
        Instant plannedEnd,
        List<String> workerIds,
        Location location,
        VisitStatus status,
        Instant actualStart,
        Instant actualEnd,
        String checkedInBy,
        String checkedOutBy,
        String checkInNote,
        String checkOutNote,
        String whatMattered,
        String plannedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Visit {
        workerIds = List.copyOf(workerIds);
    }

    public boolean assigned(String workerId) {
        return workerIds.contains(workerId);
    }

    public Visit checkedIn(Instant at, String by, String note, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.IN_PROGRESS, at, null, by, null, note, null, null, plannedBy, createdAt, now,
                version + 1);
    }

    public Visit checkedOut(Instant at, String by, String note, String mattered, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.COMPLETED, actualStart, at, checkedInBy, by, checkInNote, note, mattered,
                plannedBy, createdAt, now, version + 1);
    }
}
