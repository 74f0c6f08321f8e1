package org.whatmatters.live;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a live update tells a family; the {@code type} of every message and feed entry. */
public enum UpdateType {
    VISIT_PLANNED("visit.planned"),
    VISIT_STARTED("visit.started"),
    VISIT_FINISHED("visit.finished"),
    VISIT_CANCELLED("visit.cancelled"),
    VISIT_CHANGED("visit.changed"),
    VISIT_LATE("visit.late"),
    VISIT_MISSED("visit.missed"),
    STORY_SHARED("story.shared"),
    SURVEY_OPEN("survey.open");

    private final String json;

    UpdateType(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static UpdateType fromJson(String value) {
        for (UpdateType t : values()) {
            if (t.json.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown update type " + value);
    }
}
