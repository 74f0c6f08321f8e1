package org.whatmatters.setup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;

/** A survey period, with whether it is open today; {@code invitations} is shown to the provider admin only. */
public record PeriodView(String periodId, String contractId, String label, LocalDate opensOn, LocalDate closesOn,
                         Status status, List<SurveyQuestion> questions, Long invitations) {

    public enum Status {
        UPCOMING, OPEN, CLOSED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static PeriodView of(SurveyPeriod p, LocalDate today, Long invitations) {
        Status status = today.isBefore(p.opensOn()) ? Status.UPCOMING : p.isOpen(today) ? Status.OPEN : Status.CLOSED;
        return new PeriodView(p.periodId(), p.contractId(), p.label(), p.opensOn(), p.closesOn(), status,
                p.questions(), invitations);
    }
}
