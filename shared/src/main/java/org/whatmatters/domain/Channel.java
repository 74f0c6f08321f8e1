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

    /** The value as the API and the data spell it; empty for anything else. */
    public static java.util.Optional<Channel> parse(String value) {
        return java.util.Arrays.stream(values()).filter(v -> v.json.equals(value)).findFirst();
    }

    public static Channel fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown Channel " + value));
    }
}
