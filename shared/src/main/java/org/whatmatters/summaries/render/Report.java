package org.whatmatters.summaries.render;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.whatmatters.summaries.PeriodSummary;

/**
 * What a rendered summary shows: the periods oldest first (the last is the one reported, the others
 * give the trend), and display labels for question and team ids. An id without a label is shown as
 * it is; labels must never carry a personal name.
 */
public record Report(String title, List<PeriodSummary> periods, Map<String, String> questionLabels,
                     Map<String, String> teamLabels) {

    public Report {
        Objects.requireNonNull(title);
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one period");
        }
        questionLabels = Map.copyOf(questionLabels);
        teamLabels = Map.copyOf(teamLabels);
    }

    public static Report of(String title, PeriodSummary summary) {
        return new Report(title, List.of(summary), Map.of(), Map.of());
    }

    public PeriodSummary current() {
        return periods.getLast();
    }

    public String question(String id) {
        return questionLabels.getOrDefault(id, id);
    }

    public String team(String id) {
        return teamLabels.getOrDefault(id, id);
    }
}
