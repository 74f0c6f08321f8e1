package org.whatmatters.summaries.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.TreeMap;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.summaries.ClientDays;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.ContractActivity;
import org.whatmatters.summaries.Impact;
import org.whatmatters.summaries.Label;
import org.whatmatters.summaries.PlannedHoursFigure;
import org.whatmatters.summaries.SharedStory;
import org.whatmatters.summaries.TrendPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.SampleCounters;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.setup.SizeAdvice;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;

/** Period summaries compiled from counters as the feedback writers keep them. */
final class Samples {

    static final String Q = SampleCounters.Q;

    static final Map<String, Long> NORTH = counters(15, 10, 2, 0, 0, 0, 0, 0, 4, 8);
    static final Map<String, Long> SOUTH = counters(15, 6, 3, 2, 0, 0, 0, 3, 3, 5);
    /** Too few respondents: 4 promoters and one passive, whose NPS would be 80.0. */
    static final Map<String, Long> FEW = counters(8, 4, 1, 0, 0, 0, 0, 0, 1, 4);

    private Samples() {
    }

    static Map<String, Long> counters(long invited, long p, long pa, long d, long... ratingsOneToSix) {
        return SampleCounters.feedback(invited, p, pa, d, ratingsOneToSix);
    }

    static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** North and South, both shown: overall NPS 60.9 [34.6, 87.1]. */
    static PeriodSummary twoTeams(String period) {
        return PeriodSummary.compile(period, plus(NORTH, SOUTH), Map.of("t-north", NORTH, "t-south", SOUTH));
    }

    /** Five respondents in all: every figure resting on them is suppressed. */
    static PeriodSummary few(String period) {
        return PeriodSummary.compile(period, FEW, Map.of("t-north", FEW));
    }

    static CommissionerSummary report(PeriodSummary... periods) {
        return report("Feedback summary", Map.of(Q, "Positive impact on life"),
                Map.of("t-north", "Team A", "t-south", "Team B"), periods);
    }

    /** A summary of the last period, the others as its trend; activity from {@link SampleCounters#activity}. */
    static CommissionerSummary report(String title, Map<String, String> questions, Map<String, String> teams,
                                      PeriodSummary... periods) {
        List<TrendPoint> trend = new ArrayList<>();
        for (PeriodSummary p : periods) {
            trend.add(new TrendPoint(p.periodId(), p.periodId(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                    p.overall()));
        }
        PeriodSummary now = periods[periods.length - 1];
        Impact impact = new Impact(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                ContractActivity.compile(List.of(SampleCounters.activity()), 900),
                PlannedHoursFigure.of(new ClientDays(900, 12, 130.5, 118)),
                List.of(new SharedStory(YearMonth.of(2026, 2), List.of(OutcomeDomain.INDEPENDENCE), "Back to the shops",
                        "[the person] walked to the shops with [a carer] for the first time in a year.")));
        return new CommissionerSummary(CommissionerSummary.KIND, CommissionerSummary.SCHEMA_VERSION, "cs-" + now.periodId(),
                title, "ct-sample", "Sample County Council", now.periodId(), now.periodId(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31), true, now.npsBenchmark(), now, trend, impact,
                labels(teams), labels(questions));
    }

    private static List<Label> labels(Map<String, String> m) {
        return new TreeMap<>(m).entrySet().stream().map(e -> new Label(e.getKey(), e.getValue())).toList();
    }

    /**
     * A team dashboard for 2026-03: activity from {@link SampleCounters#activity} plus 18,000 paid
     * shift minutes (Magic Number 0.8), a trend whose older months have no shifts, two clients (one
     * with a single visit, so no index), the team's feedback in two periods (shown, then few), and Rosa's
     * late and missed visits: one 20 minutes late, one still missed.
     */
    static TeamDashboard dashboard(String teamName, int teamSize) {
        Map<String, Long> counters = new HashMap<>(SampleCounters.activity());
        counters.put(Counter.SHIFT_MINUTES, 18_000L);
        TeamActivity activity = TeamActivity.compile(List.of(counters), 900);
        List<TeamDashboard.MonthPoint> trend = new ArrayList<>();
        for (int m = 1; m <= 2; m++) {
            trend.add(new TeamDashboard.MonthPoint(YearMonth.of(2026, m), 0, 0, 0, null, null, null));
        }
        trend.add(new TeamDashboard.MonthPoint(YearMonth.of(2026, 3), activity.visits(), activity.careMinutes(),
                activity.shiftMinutes(), activity.magicNumber(), activity.continuity().meanWorkers(),
                activity.continuity().meanIndex()));
        List<TeamDashboard.ClientRow> clients = List.of(new TeamDashboard.ClientRow("c-1", "Rosa Bennett", 20, 2, 0.58),
                new TeamDashboard.ClientRow("c-2", "Arthur Hale", 1, 1, null));
        List<TeamDashboard.TeamPeriod> feedback = List.of(
                new TeamDashboard.TeamPeriod("ct-sample", "2026-Q1", "Spring 2026", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 3, 31), twoTeams("2026-Q1").teams().getFirst().figures()),
                new TeamDashboard.TeamPeriod("ct-sample", "2026-Q2", "Summer 2026", LocalDate.of(2026, 3, 15),
                        LocalDate.of(2026, 6, 30), few("2026-Q2").teams().getFirst().figures()));
        return new TeamDashboard(TeamDashboard.KIND, TeamDashboard.SCHEMA_VERSION, "td-t-north-2026-03", "t-north",
                teamName, YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31), true, teamSize,
                SizeAdvice.of(teamSize).orElse(null), activity, trend, clients, feedback, lapses());
    }

    static List<TeamDashboard.PersonVisits> lapses() {
        List<TeamDashboard.Worker> amara = List.of(new TeamDashboard.Worker("w-a", "Amara Okafor"));
        return List.of(new TeamDashboard.PersonVisits("c-1", "Rosa Bennett", List.of(
                new TeamDashboard.LapsedVisit("v-late", LocalDate.of(2026, 3, 4), java.time.Instant.parse("2026-03-04T09:00:00Z"),
                        java.time.LocalTime.of(9, 0), org.whatmatters.domain.VisitStatus.COMPLETED, 20L, false, amara),
                new TeamDashboard.LapsedVisit("v-missed", LocalDate.of(2026, 3, 11),
                        java.time.Instant.parse("2026-03-11T09:00:00Z"), java.time.LocalTime.of(9, 0),
                        org.whatmatters.domain.VisitStatus.MISSED, null, true, amara))));
    }
}
