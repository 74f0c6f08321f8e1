package org.whatmatters.live;

import java.time.LocalDate;

/** The {@code data} of survey.open: the family member is invited to rate the care in this period. */
public record SurveyData(String periodId, String label, LocalDate opensOn, LocalDate closesOn) {
}
