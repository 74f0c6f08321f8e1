package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a family member can be told of. Only a late or missed visit is urgent: it breaks through quiet
 * hours, because NICE QS123 expects the family to be told of it when it happens.
 */
public enum UpdateKind {
    ARRIVED("arrived", false),
    VISIT_FINISHED("visit-finished", false),
    VISIT_CHANGED("visit-changed", false),
    STORY_SHARED("story-shared", false),
    SURVEY_OPEN("survey-open", false),
    SURVEY_REMINDER("survey-reminder", false),
    WEEKLY_DIGEST("weekly-digest", false),
    VISIT_LATE("visit-late", true),
    VISIT_MISSED("visit-missed", true);

    private final String json;
    private final boolean urgent;

    UpdateKind(String json, boolean urgent) {
        this.json = json;
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    /** The value as the API and the data spell it; empty for anything else. */
    public static java.util.Optional<UpdateKind> parse(String value) {
        return java.util.Arrays.stream(values()).filter(v -> v.json.equals(value)).findFirst();
    }

    public static UpdateKind fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown UpdateKind " + value));
    }
}
