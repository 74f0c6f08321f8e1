package org.whatmatters.summaries.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.whatmatters.summaries.EvvRow;

/**
 * An EVV / call-monitoring export as one CSV (RFC 4180, CRLF line ends, UTF-8), one visit per row:
 *
 * <pre>
 * visit_id, service_type, client_id, client_name, service_date (the provider's day)
 * address, latitude, longitude      the visit's location (position empty when not known)
 * worker_ids, worker_names          the workers, separated by "; "
 * planned_start, planned_end        UTC, ISO 8601 (…Z); *_local: the same in the provider's zone, with its offset
 * actual_start, actual_end          as recorded at check-in and check-out; empty until then
 * status                            planned | in-progress | completed | missed | cancelled
 * minutes_late                      check-in minus planned start in whole minutes (negative: early)
 * planned_minutes, delivered_minutes, short (true | false: delivered under the stack's short-visit percentage)
 * cancelled_by, notice_minutes      who asked (client | family | provider), minutes of notice before the planned start
 * </pre>
 *
 * Text cells a spreadsheet would run as a formula are made inert, as in {@link SummaryCsv}; the numeric
 * columns hold numbers we wrote, which a leading '-' must not change.
 */
public final class EvvCsv {

    public static final List<String> HEADER = List.of("visit_id", "service_type", "client_id", "client_name",
            "service_date", "address", "latitude", "longitude", "worker_ids", "worker_names", "planned_start",
            "planned_end", "planned_start_local", "planned_end_local", "actual_start", "actual_end",
            "actual_start_local", "actual_end_local", "status", "minutes_late", "planned_minutes", "delivered_minutes",
            "short", "cancelled_by", "notice_minutes");
    private static final Set<Integer> NUMBERS = Set.of(HEADER.indexOf("latitude"), HEADER.indexOf("longitude"),
            HEADER.indexOf("minutes_late"), HEADER.indexOf("planned_minutes"), HEADER.indexOf("delivered_minutes"),
            HEADER.indexOf("notice_minutes"));

    private EvvCsv() {
    }

    public static String render(List<EvvRow> rows, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (EvvRow r : rows) {
            List<String> f = new ArrayList<>();
            f.add(r.visitId());
            f.add(r.serviceType().toString());
            f.add(r.clientId());
            f.add(r.clientName());
            f.add(r.serviceDate().toString());
            f.add(r.location() == null ? "" : text(r.location().address()));
            f.add(r.location() == null ? "" : text(r.location().latitude()));
            f.add(r.location() == null ? "" : text(r.location().longitude()));
            f.add(String.join("; ", r.workerIds()));
            f.add(String.join("; ", r.workerNames()));
            f.add(text(r.plannedStart()));
            f.add(text(r.plannedEnd()));
            f.add(local(r.plannedStart(), zone));
            f.add(local(r.plannedEnd(), zone));
            f.add(text(r.actualStart()));
            f.add(text(r.actualEnd()));
            f.add(local(r.actualStart(), zone));
            f.add(local(r.actualEnd(), zone));
            f.add(r.status().toString());
            f.add(text(r.minutesLate()));
            f.add(String.valueOf(r.plannedMinutes()));
            f.add(text(r.deliveredMinutes()));
            f.add(text(r.shortVisit()));
            f.add(text(r.cancelledBy()));
            f.add(text(r.noticeMinutes()));
            line(out, f);
        }
        return out.toString();
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof Double d ? Text.number(d) : v.toString();
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String cell = NUMBERS.contains(i) ? fields.get(i) : SummaryCsv.inert(fields.get(i));
            out.append(i > 0 ? "," : "").append(SummaryCsv.field(cell));
        }
        out.append("\r\n");
    }
}
