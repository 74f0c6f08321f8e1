package org.whatmatters.summaries;

public record TeamFeedback(String teamId, FeedbackFigures figures) {
}
