package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.testing.Csv;

class SummaryCsvTest {

    static List<List<String>> parse(String csv) {
        return Csv.parse(csv);
    }

    private static List<String> find(List<List<String>> rows, String period, String teamId, String measure, String rating) {
        return rows.stream().filter(r -> r.get(0).equals(period) && r.get(2).equals(teamId) && r.get(4).equals(measure)
                && r.get(8).equals(rating)).findFirst().orElseThrow(() -> new AssertionError(measure + " not found"));
    }

    @Test
    void oneTidyTableWithTheDocumentedHeader() {
        List<List<String>> rows = parse(SummaryCsv.render(Samples.report(Samples.twoTeams("2026-Q4"))));
        assertEquals(SummaryCsv.HEADER, rows.getFirst());
        // overall: 6 figures + benchmark + (average, answers, 6 counts); each team: 6 + 8
        assertEquals(1 + 15 + 2 * 14, rows.stream().filter(r -> !r.get(1).equals("contract")).count());
        rows.forEach(r -> assertEquals(SummaryCsv.HEADER.size(), r.size()));
        assertEquals(List.of("2026-Q4", "overall", "", "", "nps", "", "", "", "", "60.9", ""), find(rows, "2026-Q4", "", "nps", ""));
        assertEquals(List.of("2026-Q4", "overall", "", "", "nps_benchmark", "", "", "", "", "58", ""),
                find(rows, "2026-Q4", "", "nps_benchmark", ""));
        assertEquals(List.of("2026-Q4", "team", "t-north", "Team A", "rating_average", Samples.Q, "Positive impact on life",
                "", "", "5.7", ""), find(rows, "2026-Q4", "t-north", "rating_average", ""));
        assertEquals("76.7", find(rows, "2026-Q4", "", "response_rate_pct", "").get(9));
        assertEquals("34.6", find(rows, "2026-Q4", "", "nps_low", "").get(9));
        assertEquals("87.1", find(rows, "2026-Q4", "", "nps_high", "").get(9));
    }

    @Test
    void suppressedFiguresHaveAReasonAndNoValue() {
        List<List<String>> rows = parse(SummaryCsv.render(Samples.report(Samples.few("2026-Q4"))));
        for (String m : List.of("nps", "nps_low", "nps_high", "response_rate_pct", "rating_average")) {
            List<String> r = find(rows, "2026-Q4", "", m, "");
            assertEquals(List.of("", "few-respondents"), r.subList(9, 11), m);
        }
        // overall NPS 80.0 would give 4 promoters of 5 away
        rows.forEach(r -> assertTrue(!r.get(9).equals("80.0"), r.toString()));
        rows.stream().skip(1).filter(r -> !r.get(10).isEmpty()).forEach(r -> assertEquals("", r.get(9), r.toString()));
    }

    @Test
    void quotesFieldsAndDefusesFormulas() {
        PeriodSummary s = Samples.twoTeams("2026-Q4");
        String nasty = "Impact, \"really\"\nsecond line";
        CommissionerSummary r = Samples.report("x", Map.of(Samples.Q, nasty), Map.of("t-north", "=HYPERLINK(\"x\")"), s);
        String csv = SummaryCsv.render(r);
        assertTrue(csv.contains("\"Impact, \"\"really\"\"\nsecond line\""));
        List<List<String>> rows = parse(csv);
        assertEquals(nasty, find(rows, "2026-Q4", "", "rating_average", "").get(6));
        assertEquals("'=HYPERLINK(\"x\")", find(rows, "2026-Q4", "t-north", "nps", "").get(3));
    }

    @Test
    void trendPeriodsInOrderAndTheSameBytesEveryTime() {
        CommissionerSummary r = Samples.report(Samples.few("2026-Q2"), Samples.twoTeams("2026-Q3"));
        String csv = SummaryCsv.render(r);
        List<String> periods = parse(csv).stream().skip(1).map(x -> x.getFirst()).distinct().toList();
        assertEquals(List.of("2026-Q2", "2026-Q3"), periods);
        assertEquals(csv, SummaryCsv.render(Samples.report(Samples.few("2026-Q2"), Samples.twoTeams("2026-Q3"))));
        assertEquals("1", find(parse(csv), "2026-Q3", "t-north", "rating_count", "1").get(8));
    }

    /** The rota rows of SampleCounters#activity: shown percentages, and cancellations with secondary suppression. */
    @Test
    void theRotaFiguresUnderDisclosureControl() {
        List<List<String>> rows = parse(SummaryCsv.render(Samples.report(Samples.twoTeams("2026-Q4"))));
        List<List<String>> contract = rows.stream().filter(r -> r.get(1).equals("contract")).toList();
        java.util.function.BiFunction<String, String, List<String>> cell = (measure, category) -> contract.stream()
                .filter(r -> r.get(4).equals(measure) && r.get(7).equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError(measure + " " + category)).subList(9, 11);
        assertEquals(List.of("246", ""), cell.apply("planned_visits", ""));
        assertEquals(List.of("6", ""), cell.apply("missed_visits", ""));
        assertEquals(List.of("90.0", ""), cell.apply("on_time_pct", ""));
        assertEquals(List.of("24.4", ""), cell.apply("missed_per_1000_planned", ""));
        assertEquals(List.of("5.0", ""), cell.apply("short_pct", ""));
        assertEquals(List.of("8", ""), cell.apply("cancellations", ""));
        assertEquals(List.of("", "secondary"), cell.apply("cancellations", "client"));
        assertEquals(List.of("", "small-count"), cell.apply("cancellations", "family"));
        assertEquals(List.of("0", ""), cell.apply("cancellations", "provider"));
        assertEquals(List.of("246.0", ""), cell.apply("visit_planned_hours", ""));
        assertEquals(List.of("235.0", ""), cell.apply("visit_delivered_hours", ""));
    }
}
