package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The health-service contacts counted for reliance per 1,000 client-days. */
public enum HealthEventType {
    HOSPITAL_ADMISSION("hospital-admission"),
    AE_ATTENDANCE("ae-attendance"),
    FALL("fall"),
    GP_CALL_OUT("gp-call-out");

    private final String json;

    HealthEventType(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static HealthEventType fromJson(String value) {
        for (HealthEventType t : values()) {
            if (t.json.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown health event type " + value);
    }
}
