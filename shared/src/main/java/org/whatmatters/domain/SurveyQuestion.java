package org.whatmatters.domain;

/** One rated question of a survey period (1–6); {@code questionId} is kebab-case, e.g. {@code reliability}. */
public record SurveyQuestion(String questionId, String text) {
}
