package org.whatmatters.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.access.Relation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;

/**
 * A visit as one caller may see it. Families see who is coming, what mattered and why a visit was
 * cancelled, not the team's working notes nor who recorded what.
 */
public record VisitView(String visitId, String clientId, ServiceType serviceType, LocalDate serviceDate,
                        Instant plannedStart, Instant plannedEnd, List<Worker> workers, Location location,
                        VisitStatus status, Instant actualStart, Instant actualEnd, String checkInNote,
                        String checkOutNote, String whatMattered, String scheduleId, boolean editedByHand,
                        CancellationNote cancellation, Instant lateAt, Instant missedAt, VisitTiming timing) {

    public record Worker(String workerId, String displayName) {
    }

    /** Who asked for the cancellation, why, when, and the minutes of notice that gave. */
    public record CancellationNote(CancellationRequester requestedBy, String reason, Instant askedAt,
                                   long noticeMinutes) {
    }

    /** The cancellation as families and the team see it; null when the visit was not cancelled. */
    public static CancellationNote cancellationNote(Visit v) {
        return v.cancellation() == null ? null : new CancellationNote(v.cancellation().requestedBy(),
                v.cancellation().reason(), v.cancellation().askedAt(), v.cancellation().noticeMinutes(v.plannedStart()));
    }

    static VisitView of(Visit v, List<Worker> workers, Relation relation, VisitTiming timing) {
        boolean team = relation == Relation.TEAM_WORKER || relation == Relation.PROVIDER_ADMIN;
        CancellationNote cancelled = cancellationNote(v);
        return new VisitView(v.visitId(), v.clientId(), v.serviceType(), v.serviceDate(), v.plannedStart(),
                v.plannedEnd(), workers, v.location(), v.status(), v.actualStart(), v.actualEnd(),
                team ? v.checkInNote() : null, team ? v.checkOutNote() : null, v.whatMattered(), v.scheduleId(),
                v.editedByHand(), cancelled, v.lateAt(), v.missedAt(), timing);
    }
}
