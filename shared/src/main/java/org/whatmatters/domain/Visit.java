package org.whatmatters.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A care visit. It carries the six EVV elements: service type, person supported (clientId), date
 * (serviceDate, in the provider's zone), location, person(s) providing (workerIds) and begin/end
 * time (planned, and actual once checked in and out). {@code scheduleId} names the rota schedule it was
 * generated from (null when planned by hand); {@code editedByHand} keeps it out of regeneration once
 * someone moved it. {@code lateAt} and {@code missedAt} are when the late check flagged it.
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
        String scheduleId,
        boolean editedByHand,
        Cancellation cancellation,
        Instant lateAt,
        Instant missedAt,
        String plannedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Visit {
        workerIds = List.copyOf(workerIds);
    }

    /** A new visit, planned by hand ({@code scheduleId} null) or generated from a schedule. */
    public static Visit planned(String visitId, String clientId, String teamId, ServiceType serviceType,
                                LocalDate serviceDate, Instant plannedStart, Instant plannedEnd, List<String> workerIds,
                                Location location, String scheduleId, String plannedBy, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.PLANNED, null, null, null, null, null, null, null, scheduleId, false, null, null,
                null, plannedBy, now, now, 1);
    }

    public boolean assigned(String workerId) {
        return workerIds.contains(workerId);
    }

    public long plannedMinutes() {
        return Duration.between(plannedStart, plannedEnd).toMinutes();
    }

    public Visit checkedIn(Instant at, String by, String note, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.IN_PROGRESS, at, null, by, null, note, null, null, scheduleId, editedByHand,
                null, lateAt, missedAt, plannedBy, createdAt, now, version + 1);
    }

    public Visit checkedOut(Instant at, String by, String note, String mattered, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.COMPLETED, actualStart, at, checkedInBy, by, checkInNote, note, mattered,
                scheduleId, editedByHand, null, lateAt, missedAt, plannedBy, createdAt, now, version + 1);
    }

    public Visit cancelled(Cancellation why, Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.CANCELLED, null, null, null, null, null, null, null, scheduleId, true, why,
                lateAt, missedAt, plannedBy, createdAt, now, version + 1);
    }

    /** New times and/or workers, by hand: new times start the late check over, new workers alone do not. */
    public Visit rescheduled(LocalDate day, Instant start, Instant end, List<String> workers, Instant now) {
        boolean sameTimes = start.equals(plannedStart) && end.equals(plannedEnd);
        return new Visit(visitId, clientId, teamId, serviceType, day, start, end, workers, location,
                VisitStatus.PLANNED, null, null, null, null, null, null, null, scheduleId, true, null,
                sameTimes ? lateAt : null, null, plannedBy, createdAt, now, version + 1);
    }

    /** The rota changed: same id, new plan, still not edited by hand. */
    public Visit regenerated(Visit plan, Instant now) {
        return new Visit(visitId, clientId, teamId, plan.serviceType, plan.serviceDate, plan.plannedStart,
                plan.plannedEnd, plan.workerIds, plan.location, VisitStatus.PLANNED, null, null, null, null, null, null,
                null, scheduleId, false, null, null, null, plannedBy, createdAt, now, version + 1);
    }

    public Visit flaggedLate(Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, status, actualStart, actualEnd, checkedInBy, checkedOutBy, checkInNote, checkOutNote,
                whatMattered, scheduleId, editedByHand, cancellation, now, missedAt, plannedBy, createdAt, now,
                version + 1);
    }

    public Visit flaggedMissed(Instant now) {
        return new Visit(visitId, clientId, teamId, serviceType, serviceDate, plannedStart, plannedEnd, workerIds,
                location, VisitStatus.MISSED, actualStart, actualEnd, checkedInBy, checkedOutBy, checkInNote,
                checkOutNote, whatMattered, scheduleId, editedByHand, cancellation, lateAt == null ? now : lateAt, now,
                plannedBy, createdAt, now, version + 1);
    }
}
