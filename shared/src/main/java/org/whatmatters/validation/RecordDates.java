package org.whatmatters.validation;

import java.time.LocalDate;
import org.whatmatters.problem.Violations;

/** The day a record is about: known, not in the future, and recent enough to fall in a report still open. */
public final class RecordDates {

    /** As far back as a visit may be planned, and about a year of reports. */
    public static final int OLDEST_DAYS = 400;

    private RecordDates() {
    }

    public static void pastDay(Violations v, String field, LocalDate day, LocalDate today) {
        if (!v.required(field, day)) {
            return;
        }
        if (day.isAfter(today)) {
            v.add(field, "must not be in the future (today is " + today + ")");
        } else if (day.isBefore(today.minusDays(OLDEST_DAYS))) {
            v.add(field, "must be within the last " + OLDEST_DAYS + " days");
        }
    }
}
