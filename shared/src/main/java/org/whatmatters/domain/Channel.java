package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a notification reaches a family member whose page is closed. */
public enum Channel {
    EMAIL("email"),
    SMS("sms"),
    PUSH("push");

    private final String json;

    Channel(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
