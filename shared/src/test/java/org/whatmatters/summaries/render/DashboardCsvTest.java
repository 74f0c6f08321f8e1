package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;

class DashboardCsvTest {

    private static List<List<String>> rows(TeamDashboard d) {
        return SummaryCsvTest.parse(DashboardCsv.render(d));
    }

    private static List<String> find(List<List<String>> rows, String month, String scope, String key, String measure,
                                     String category) {
        return rows.stream().filter(r -> r.get(0).equals(month) && r.get(1).equals(scope) && r.get(2).equals(key)
                        && r.get(3).equals(measure) && r.get(4).equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError(month + " " + scope + " " + key + " " + measure + " " + category));
    }

    private static String value(List<List<String>> rows, String month, String scope, String key, String measure,
                                String category) {
        return find(rows, month, scope, key, measure, category).get(5);
    }

    @Test
    void theDocumentedHeaderAndCrlfLines() {
        String csv = DashboardCsv.render(Samples.dashboard("Riverside North", 12));
        assertTrue(csv.startsWith("month,scope,key,measure,category,value,suppressed\r\n"));
        assertTrue(csv.endsWith("\r\n"));
        assertFalse(csv.replace("\r\n", "").contains("\n"));
        List<List<String>> rows = SummaryCsvTest.parse(csv);
        assertEquals(DashboardCsv.HEADER, rows.getFirst());
        rows.forEach(r -> assertEquals(DashboardCsv.HEADER.size(), r.size(), r.toString()));
    }

    @Test
    void oneRowPerFigure() {
        List<List<String>> rows = rows(Samples.dashboard("Riverside North", 12));
        // trend 3 months × 6; team size, client-days; 4 health types × (count, rate); 6 domains;
        // 2 clients × 3; 2 periods × (responses, nps, one rating average); the rota: 13 figures and the
        // cancellations by 3 requesters; 2 late or missed visits
        assertEquals(3 * 6 + 2 + 4 * 2 + 6 + 2 * 3 + 2 * 3 + 13 + 3 + 2, rows.size() - 1);
        Set<List<String>> keys = new HashSet<>();
        rows.stream().skip(1).forEach(r -> assertTrue(keys.add(r.subList(0, 5)), "twice: " + r));
        assertEquals(Set.of("team", "client", "period", "visit"),
                Set.copyOf(rows.stream().skip(1).map(r -> r.get(1)).toList()));
        // the rota, as SampleCounters has it: 216 of 240 on time, 6 missed of 246 planned, 12 short
        assertEquals("90.0", value(rows, "2026-03", "team", "", "on_time_pct", ""));
        assertEquals("24.4", value(rows, "2026-03", "team", "", "missed_per_1000_planned", ""));
        assertEquals("5.0", value(rows, "2026-03", "team", "", "short_pct", ""));
        assertEquals("25.0", value(rows, "2026-03", "team", "", "mean_minutes_late", ""));
        assertEquals("2", value(rows, "2026-03", "team", "", "cancelled", "family"));
        assertEquals("246.0", value(rows, "2026-03", "team", "", "visit_planned_hours", ""));
        assertEquals("235.0", value(rows, "2026-03", "team", "", "visit_delivered_hours", ""));
        assertEquals("20", value(rows, "2026-03", "visit", "v-late", "minutes_late", "completed"));
        assertEquals("", value(rows, "2026-03", "visit", "v-missed", "minutes_late", "missed"));
    }

    @Test
    void values() {
        List<List<String>> rows = rows(Samples.dashboard("Riverside North", 12));
        assertEquals("0.8", value(rows, "2026-03", "team", "", "magic_number", ""));
        assertEquals("240", value(rows, "2026-03", "team", "", "visits", ""));
        assertEquals("14400", value(rows, "2026-03", "team", "", "care_minutes", ""));
        assertEquals("18000", value(rows, "2026-03", "team", "", "shift_minutes", ""));
        assertEquals("2.0", value(rows, "2026-03", "team", "", "mean_workers", ""));
        assertEquals("0.61", value(rows, "2026-03", "team", "", "mean_index", ""));
        assertEquals("12", value(rows, "2026-03", "team", "", "team_size", ""));
        assertEquals("900", value(rows, "2026-03", "team", "", "client_days", ""));
        assertEquals("6", value(rows, "2026-03", "team", "", "health_events", "fall"));
        assertEquals("6.67", value(rows, "2026-03", "team", "", "health_per_1000_client_days", "fall"));
        assertEquals("0", value(rows, "2026-03", "team", "", "health_events", "hospital-admission"));
        assertEquals("5", value(rows, "2026-03", "team", "", "stories", "independence"));
        assertEquals("2", value(rows, "2026-03", "team", "", "stories", "dignity"));
        assertEquals("20", value(rows, "2026-03", "client", "c-1", "visits", ""));
        assertEquals("2", value(rows, "2026-03", "client", "c-1", "workers", ""));
        assertEquals("0.58", value(rows, "2026-03", "client", "c-1", "index", ""));
        assertEquals("12", value(rows, "2026-03", "period", "2026-Q1", "responses", ""));
        assertEquals("83.3", value(rows, "2026-03", "period", "2026-Q1", "nps", ""));
        assertEquals("5.7", value(rows, "2026-03", "period", "2026-Q1", "rating_average", "q-impact"));
        // no figure is left empty without a reason, except where there is none to give
        assertEquals(List.of("", ""), find(rows, "2026-01", "team", "", "magic_number", "").subList(5, 7));
        assertEquals(List.of("", ""), find(rows, "2026-03", "client", "c-2", "index", "").subList(5, 7));
        assertEquals(List.of("", "few-respondents"), find(rows, "2026-03", "period", "2026-Q2", "nps", "").subList(5, 7));
        assertEquals(List.of("", "few-respondents"),
                find(rows, "2026-03", "period", "2026-Q2", "rating_average", "q-impact").subList(5, 7));
        assertEquals("5", value(rows, "2026-03", "period", "2026-Q2", "responses", ""));
        rows.stream().skip(1).filter(r -> !r.get(1).equals("period")).forEach(r -> assertEquals("", r.get(6), r.toString()));
        rows.stream().skip(1).filter(r -> !r.get(6).isEmpty()).forEach(r -> assertEquals("", r.get(5), r.toString()));
        // the hidden NPS of the few (80.0) is not there
        rows.forEach(r -> assertFalse(r.get(5).equals("80.0"), r.toString()));
    }

    @Test
    void withoutShiftsTheMagicNumberIsEmpty() {
        TeamDashboard s = Samples.dashboard("Riverside North", 3);
        TeamDashboard d = new TeamDashboard(s.kind(), s.schemaVersion(), s.dashboardId(), s.teamId(), s.teamName(),
                s.month(), s.dataThrough(), s.complete(), s.teamSize(), s.sizeAdvice(), TeamActivity.compile(List.of(), 0),
                List.of(new TeamDashboard.MonthPoint(s.month(), 0, 0, 0, null, null, null)), List.of(), List.of(),
                List.of());
        List<List<String>> rows = rows(d);
        assertEquals("", value(rows, "2026-03", "team", "", "magic_number", ""));
        assertEquals("", value(rows, "2026-03", "team", "", "health_per_1000_client_days", "fall"));
        assertEquals("0", value(rows, "2026-03", "team", "", "client_days", ""));
        assertEquals("3", value(rows, "2026-03", "team", "", "team_size", ""));
        // and the rota's 13 figures and 3 requesters, with nothing to divide by: the percentages are empty
        assertEquals(6 + 2 + 4 * 2 + 6 + 13 + 3, rows.size() - 1);
        assertEquals("", value(rows, "2026-03", "team", "", "on_time_pct", ""));
    }

    @Test
    void quotesFieldsAndDefusesFormulas() {
        TeamDashboard s = Samples.dashboard("Riverside North", 3);
        TeamDashboard d = new TeamDashboard(s.kind(), s.schemaVersion(), s.dashboardId(), s.teamId(), s.teamName(),
                s.month(), s.dataThrough(), s.complete(), s.teamSize(), s.sizeAdvice(), s.activity(), s.trend(),
                List.of(new TeamDashboard.ClientRow("=HYPERLINK(\"x\"),1", "Rosa", 3, 1, 1.0)),
                List.of(new TeamDashboard.TeamPeriod("ct", "p, \"one\"", "P", s.month().atDay(1), s.month().atEndOfMonth(),
                        s.feedback().getFirst().figures())), s.lateAndMissed());
        String csv = DashboardCsv.render(d);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"x\"\"),1\","), csv);
        List<List<String>> rows = SummaryCsvTest.parse(csv);
        assertEquals("3", value(rows, "2026-03", "client", "'=HYPERLINK(\"x\"),1", "visits", ""));
        assertEquals("83.3", value(rows, "2026-03", "period", "p, \"one\"", "nps", ""));
    }

    /** 3 promoters, 2 passives, 10 detractors of 15: NPS -46.7, a number, not a formula to defuse. */
    @Test
    void negativeNumbersStayNumbers() {
        TeamDashboard s = Samples.dashboard("-North", 3);
        Map<String, Long> unhappy = Samples.counters(20, 3, 2, 10, 0, 0, 5, 5, 3, 2);
        PeriodSummary p = PeriodSummary.compile("2026-Q3", unhappy, Map.of("t-north", unhappy));
        TeamDashboard d = new TeamDashboard(s.kind(), s.schemaVersion(), s.dashboardId(), s.teamId(), s.teamName(),
                s.month(), s.dataThrough(), s.complete(), s.teamSize(), s.sizeAdvice(), s.activity(), s.trend(),
                List.of(new TeamDashboard.ClientRow("-c1", "Rosa", 3, 1, 1.0)),
                List.of(new TeamDashboard.TeamPeriod("ct", "2026-Q3", "P", s.month().atDay(1), s.month().atEndOfMonth(),
                        p.teams().getFirst().figures())), s.lateAndMissed());
        List<List<String>> rows = rows(d);
        assertEquals("-46.7", value(rows, "2026-03", "period", "2026-Q3", "nps", ""));
        // a text cell that starts with '-' is still defused
        assertEquals("3", value(rows, "2026-03", "client", "'-c1", "visits", ""));
        rows.stream().skip(1).forEach(r -> assertFalse(r.get(5).startsWith("'"), r.toString()));
    }

    @Test
    void theSameBytesEveryTime() {
        assertEquals(DashboardCsv.render(Samples.dashboard("Riverside North", 12)),
                DashboardCsv.render(Samples.dashboard("Riverside North", 12)));
    }
}
