package org.whatmatters.visits;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a visit started against its plan: within {@link VisitRules#ON_TIME} either side, or late, or early. */
public enum Punctuality {
    ON_TIME("on-time"),
    LATE("late"),
    EARLY("early");

    private final String json;

    Punctuality(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
