package org.whatmatters.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.access.Relation;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;

/**
 * A visit as one caller may see it. Families see who is coming and what mattered, not the
 * team's working notes.
 */
public record VisitView(String visitId, String clientId, ServiceType serviceType, LocalDate serviceDate,
                        Instant plannedStart, Instant plannedEnd, List<Worker> workers, Location location,
                        VisitStatus status, Instant actualStart, Instant actualEnd, String checkInNote,
                        String checkOutNote, String whatMattered) {

    public record Worker(String workerId, String displayName) {
    }

    static VisitView of(Visit v, List<Worker> workers, Relation relation) {
        boolean team = relation == Relation.TEAM_WORKER || relation == Relation.PROVIDER_ADMIN;
        return new VisitView(v.visitId(), v.clientId(), v.serviceType(), v.serviceDate(), v.plannedStart(),
                v.plannedEnd(), workers, v.location(), v.status(), v.actualStart(), v.actualEnd(),
                team ? v.checkInNote() : null, team ? v.checkOutNote() : null, v.whatMattered());
    }
}
