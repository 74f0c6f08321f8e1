package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

public enum VisitStatus {
    PLANNED("planned"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed");

    private final String json;

    VisitStatus(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
