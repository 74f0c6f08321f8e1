package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.summaries.EvvRow;

/** The EVV export's CSV: the documented columns, local times across the clock change, inert text, empty unknowns. */
class EvvCsvTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static EvvRow summer() {
        return new EvvRow("v-1", ServiceType.PERSONAL_CARE, "c-1", "=SUM(A1:A9)", LocalDate.of(2026, 7, 1),
                new Location("1 High Street, Leeds", 53.8, -1.57), List.of("w-a", "w-b"), List.of("Amara", "-Ben"),
                Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T09:00:00Z"),
                Instant.parse("2026-07-01T08:20:00Z"), Instant.parse("2026-07-01T09:05:00Z"), VisitStatus.COMPLETED,
                20L, 60, 45L, false, null, null);
    }

    private static EvvRow cancelled() {
        return new EvvRow("v-2", ServiceType.COMPANIONSHIP, "c-1", "Rosa", LocalDate.of(2026, 11, 2), null, List.of(),
                List.of(), Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"), null, null,
                VisitStatus.CANCELLED, null, 60, null, null, CancellationRequester.CLIENT, 90L);
    }

    @Test
    void oneRowPerVisitWithTheDocumentedColumns() {
        String csv = EvvCsv.render(List.of(summer(), cancelled()), LONDON);
        assertTrue(csv.endsWith("\r\n"));
        List<List<String>> rows = SummaryCsvTest.parse(csv);
        assertEquals(EvvCsv.HEADER, rows.getFirst());
        assertEquals(3, rows.size());
        rows.forEach(r -> assertEquals(EvvCsv.HEADER.size(), r.size(), r.toString()));
        List<String> s = rows.get(1);
        assertEquals("2026-07-01T08:00:00Z", s.get(EvvCsv.HEADER.indexOf("planned_start")));
        assertEquals("2026-07-01T09:00:00+01:00", s.get(EvvCsv.HEADER.indexOf("planned_start_local")), "BST");
        assertEquals("2026-07-01T10:05:00+01:00", s.get(EvvCsv.HEADER.indexOf("actual_end_local")));
        assertEquals("w-a; w-b", s.get(EvvCsv.HEADER.indexOf("worker_ids")));
        assertEquals("1 High Street, Leeds", s.get(EvvCsv.HEADER.indexOf("address")), "quoted, not split");
        assertEquals("-1.57", s.get(EvvCsv.HEADER.indexOf("longitude")), "a number stays a number");
        assertEquals("20", s.get(EvvCsv.HEADER.indexOf("minutes_late")));
        assertEquals("false", s.get(EvvCsv.HEADER.indexOf("short")));
        List<String> c = rows.get(2);
        assertEquals("2026-11-02T09:00:00Z", c.get(EvvCsv.HEADER.indexOf("planned_start_local")), "GMT");
        assertEquals(List.of("", "", ""), List.of(c.get(EvvCsv.HEADER.indexOf("address")),
                c.get(EvvCsv.HEADER.indexOf("latitude")), c.get(EvvCsv.HEADER.indexOf("actual_start"))));
        assertEquals("client", c.get(EvvCsv.HEADER.indexOf("cancelled_by")));
        assertEquals("90", c.get(EvvCsv.HEADER.indexOf("notice_minutes")));
        assertEquals("", c.get(EvvCsv.HEADER.indexOf("minutes_late")));
    }

    @Test
    void textASpreadsheetWouldRunIsMadeInert() {
        List<String> s = SummaryCsvTest.parse(EvvCsv.render(List.of(summer()), LONDON)).get(1);
        assertEquals("'=SUM(A1:A9)", s.get(EvvCsv.HEADER.indexOf("client_name")));
        assertEquals("Amara; -Ben", s.get(EvvCsv.HEADER.indexOf("worker_names")), "only a leading character counts");
        assertTrue(EvvCsv.render(List.of(summer()), LONDON).contains(",\"Amara; -Ben\","),
                "quoted, so a spreadsheet splitting on ';' keeps \"-Ben\" in the cell");
        assertEquals("'\uFF1D1+1", SummaryCsv.inert("\uFF1D1+1"), "a full-width equals sign is a formula too");
        assertEquals(EvvCsv.render(List.of(summer()), LONDON), EvvCsv.render(List.of(summer()), LONDON));
    }
}
