package org.whatmatters.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.VisitStatus;

/**
 * One visit in an EVV / call-monitoring export: the six EVV elements (service type, person supported, date,
 * location, workers, begin and end, planned and actual), its status and its figures. Personal data: it goes to
 * the provider admin only. Figures not known yet (not started, not finished, not cancelled) are null.
 */
public record EvvRow(String visitId, ServiceType serviceType, String clientId, String clientName, LocalDate serviceDate,
                     Location location, List<String> workerIds, List<String> workerNames, Instant plannedStart, Instant plannedEnd,
                     Instant actualStart, Instant actualEnd, VisitStatus status, Long minutesLate, long plannedMinutes,
                     Long deliveredMinutes, Boolean shortVisit, CancellationRequester cancelledBy, Long noticeMinutes) {

    public EvvRow {
        workerIds = List.copyOf(workerIds);
        workerNames = List.copyOf(workerNames);
    }
}
