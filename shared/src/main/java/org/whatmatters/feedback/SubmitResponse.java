package org.whatmatters.feedback;

import java.util.Map;

/**
 * The body of {@code POST /survey-periods/{periodId}/responses}: the client it is about, a 1–6
 * rating for every question of the period, 0–10 "how likely to recommend", an optional comment.
 */
public record SubmitResponse(String clientId, Map<String, Integer> ratings, Integer recommend, String comment) {
}
