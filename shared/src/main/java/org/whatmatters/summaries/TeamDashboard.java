package org.whatmatters.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.setup.SizeAdvice;

/**
 * A team's own figures for a month, for the team and the provider (JSON schema {@code team-dashboard},
 * version {@value #SCHEMA_VERSION}, documented in docs/schemas/team-dashboard.v1.schema.json): the
 * Magic Number, team size and its flag, continuity per client, and the team's feedback by survey
 * period. Feedback figures are the team's figures as published to commissioners (after disclosure
 * control): a team must not be able to tell which family said what. {@code trend} is the last
 * months, oldest first, ending with this one. {@code lateAndMissed} lists, by person supported, the month's visits
 * that were late (checked in more than 15 minutes after the planned start), missed, or missed then checked in,
 * for the team to learn from; optional in v1, as dashboards compiled before the rota have none.
 */
public record TeamDashboard(String kind, int schemaVersion, String dashboardId, String teamId, String teamName,
                            YearMonth month, LocalDate dataThrough, boolean complete, int teamSize, SizeAdvice sizeAdvice,
                            TeamActivity activity, List<MonthPoint> trend, List<ClientRow> clients,
                            List<TeamPeriod> feedback, List<PersonVisits> lateAndMissed) {

    public static final String KIND = "team-dashboard";
    public static final int SCHEMA_VERSION = 1;

    public TeamDashboard {
        if (!KIND.equals(kind) || schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("not a " + KIND + " v" + SCHEMA_VERSION);
        }
        trend = List.copyOf(trend);
        clients = List.copyOf(clients);
        feedback = List.copyOf(feedback);
        lateAndMissed = List.copyOf(lateAndMissed);
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

    /** One person's late and missed visits of the month, oldest first. */
    public record PersonVisits(String clientId, String name, List<LapsedVisit> visits) {

        public PersonVisits {
            visits = List.copyOf(visits);
        }
    }

    /**
     * A visit that was late or missed: {@code plannedTime} is the planned start in the provider's zone;
     * {@code minutesLate} after the planned start it was checked in (absent while it is still missed); {@code wasMissed} once it was marked missed, even if checked in later; {@code workers}
     * those it was planned for.
     */
    public record LapsedVisit(String visitId, LocalDate serviceDate, Instant plannedStart, LocalTime plannedTime,
                              VisitStatus status, Long minutesLate, boolean wasMissed, List<Worker> workers) {

        public LapsedVisit {
            workers = List.copyOf(workers);
        }
    }

    /** A worker as the team knows them. */
    public record Worker(String workerId, String name) {
    }
}
