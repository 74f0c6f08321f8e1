package org.whatmatters.summaries;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.whatmatters.setup.SizeAdvice;

/**
 * A team's own figures for a month, for the team and the provider (JSON schema {@code team-dashboard},
 * version {@value #SCHEMA_VERSION}, documented in docs/schemas/team-dashboard.v1.schema.json): the
 * Magic Number, team size and its flag, continuity per client, and the team's feedback by survey
 * period. Feedback figures are the team's figures as published to commissioners (after disclosure
 * control): a team must not be able to tell which family said what. {@code trend} is the last
 * months, oldest first, ending with this one.
 */
public record TeamDashboard(String kind, int schemaVersion, String dashboardId, String teamId, String teamName,
                            YearMonth month, LocalDate dataThrough, boolean complete, int teamSize, SizeAdvice sizeAdvice,
                            TeamActivity activity, List<MonthPoint> trend, List<ClientRow> clients,
                            List<TeamPeriod> feedback) {

    public static final String KIND = "team-dashboard";
    public static final int SCHEMA_VERSION = 1;

    public TeamDashboard {
        if (!KIND.equals(kind) || schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("not a " + KIND + " v" + SCHEMA_VERSION);
        }
        trend = List.copyOf(trend);
        clients = List.copyOf(clients);
        feedback = List.copyOf(feedback);
    }

    /** One month of the trend. */
    public record MonthPoint(YearMonth month, long visits, long careMinutes, long shiftMinutes, Double magicNumber,
                             Double meanWorkers, Double meanIndex) {
    }

    /** Continuity for one of the team's clients over the month. */
    public record ClientRow(String clientId, String name, long visits, int workers, Double index) {
    }

    /** The team's feedback in one survey period of a contract covering it. */
    public record TeamPeriod(String contractId, String periodId, String label, LocalDate opensOn, LocalDate closesOn,
                             FeedbackFigures figures) {
    }
}
