package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a visit is. {@code missed}: nobody checked in by the planned end and its grace; a check-in may
 * still come later (then it is in progress, and its lateness counts). {@code cancelled} is final.
 */
public enum VisitStatus {
    PLANNED("planned"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    MISSED("missed"),
    CANCELLED("cancelled");

    private final String json;

    VisitStatus(String json) {
        this.json = json;
    }

    /** Not yet started: a check-in may still come. */
    public boolean awaitingCheckIn() {
        return this == PLANNED || this == MISSED;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
