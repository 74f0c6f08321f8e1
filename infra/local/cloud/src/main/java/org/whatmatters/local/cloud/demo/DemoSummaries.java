package org.whatmatters.local.cloud.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Team;
import org.whatmatters.summaries.publish.SummaryCompiler;

/**
 * Compiled summaries, as the schedules would have left them, plus today's: final summaries of the
 * closed periods, last month's dashboards, and this month's dashboards and open periods up to today.
 */
final class DemoSummaries {

    private DemoSummaries() {
    }

    static void seed(SummaryCompiler compiler, DataTable data, LocalDate today) {
        compiler.periodEnds(today, "schedule:period-end");
        compiler.monthly(today, "schedule:monthly");
        for (Team t : new TeamStore(data).all()) {
            compiler.teamDashboard(t, YearMonth.from(today), today, "a-priya");
        }
        SurveyPeriodStore periods = new SurveyPeriodStore(data);
        for (Contract c : new ContractStore(data).all()) {
            periods.openOn(c.contractId(), today).ifPresent(p -> compiler.commissionerSummary(p, today, "a-priya"));
        }
    }
}
