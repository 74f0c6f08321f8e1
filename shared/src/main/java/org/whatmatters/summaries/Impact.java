package org.whatmatters.summaries;

import java.time.LocalDate;
import java.util.List;

/**
 * What a contract's care did over a window (both ends inclusive): activity from the contract's
 * monthly aggregates, the change in planned support hours, and a few consented, redacted stories.
 */
public record Impact(LocalDate from, LocalDate to, ContractActivity activity, PlannedHoursFigure plannedHours,
                     List<SharedStory> stories) {

    public Impact {
        stories = List.copyOf(stories);
    }
}
