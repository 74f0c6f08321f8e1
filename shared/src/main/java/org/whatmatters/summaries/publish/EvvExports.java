package org.whatmatters.summaries.publish;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.SummaryStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;
import org.whatmatters.domain.Visit;
import org.whatmatters.ops.Metric;
import org.whatmatters.summaries.EvvRow;
import org.whatmatters.summaries.render.EvvCsv;
import org.whatmatters.visits.VisitTiming;

/**
 * A contract's EVV / call-monitoring export for a month: every visit of its teams' people whose service day is in
 * the month and on a day the contract is in force, one CSV row each, written to the private summaries bucket and
 * recorded in the catalogue, so the signed-link route and its audit trail serve it like any summary. It names
 * people, so it is the provider admin's only: it has no commissioner and no team in the catalogue. Its cost grows
 * with the visits of one contract-month (it reads the client visit index of each of the teams' people).
 */
@Singleton
public final class EvvExports {

    private final ClientStore clients;
    private final VisitMonths visits;
    private final SummaryStore catalogue;
    private final SummaryBucket bucket;
    private final Clock clock;

    @Inject
    public EvvExports(ClientStore clients, VisitMonths visits, SummaryStore catalogue, SummaryBucket bucket, Clock clock) {
        this.clients = clients;
        this.visits = visits;
        this.catalogue = catalogue;
        this.bucket = bucket;
        this.clock = clock;
    }

    public static String exportId(String contractId, YearMonth month) {
        return "evv-" + contractId + "-" + month;
    }

    /** The export as it stands on {@code today}: complete once the month is over. */
    public SummaryEntry export(Contract c, YearMonth month, LocalDate today, String by) {
        List<String> teamIds = c.teamIds().stream().sorted().toList();
        Map<String, String> workers = visits.workerNames(teamIds);
        Map<String, EvvRow> rows = new LinkedHashMap<>();
        for (String teamId : teamIds) {
            for (Client client : clients.ofTeam(teamId)) {
                for (Visit v : visits.of(client.clientId(), month)) {
                    if (c.teamIds().contains(v.teamId()) && c.inForce(v.serviceDate())) {
                        rows.putIfAbsent(v.visitId(), row(v, client.displayName(), workers));
                    }
                }
            }
        }
        List<EvvRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(EvvRow::plannedStart).thenComparing(EvvRow::visitId));
        String id = exportId(c.contractId(), month);
        SummaryFile file = bucket.put("evv/" + c.contractId() + "/" + month + "/evv.csv", "csv", "text/csv; charset=utf-8",
                EvvCsv.render(sorted, visits.zone()));
        LocalDate last = month.atEndOfMonth();
        SummaryEntry entry = new SummaryEntry(id, SummaryKind.EVV_EXPORT, c.commissionerName() + ": EVV export – " + month,
                c.contractId(), null, null, null, month.atDay(1), last, today.isAfter(last) ? last : today,
                today.isAfter(last), List.of(file), clock.instant(), by);
        catalogue.put(entry);
        Metric.SUMMARIES_COMPILED.add();
        return entry;
    }

    private EvvRow row(Visit v, String clientName, Map<String, String> workers) {
        VisitTiming t = VisitTiming.of(v, visits.rules());
        return new EvvRow(v.visitId(), v.serviceType(), v.clientId(), clientName, v.serviceDate(), v.location(),
                v.workerIds(), v.workerIds().stream().map(w -> workers.getOrDefault(w, w)).toList(), v.plannedStart(),
                v.plannedEnd(), v.actualStart(), v.actualEnd(), v.status(), t.minutesLate(), t.plannedMinutes(),
                t.deliveredMinutes(), t.shortVisit(),
                v.cancellation() == null ? null : v.cancellation().requestedBy(),
                v.cancellation() == null ? null : v.cancellation().noticeMinutes(v.plannedStart()));
    }
}
