package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who answers a survey: a family member for themselves, or the person supported. */
public enum RespondentType {
    FAMILY("family"),
    CLIENT("client");

    private final String json;

    RespondentType(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static RespondentType fromJson(String value) {
        for (RespondentType t : values()) {
            if (t.json.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown respondent type " + value);
    }
}
