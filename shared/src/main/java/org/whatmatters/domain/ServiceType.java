package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of support a visit gives: the EVV "type of service" element. */
public enum ServiceType {
    PERSONAL_CARE("personal-care"),
    MEDICATION_SUPPORT("medication-support"),
    MEAL_PREPARATION("meal-preparation"),
    DOMESTIC_SUPPORT("domestic-support"),
    COMPANIONSHIP("companionship"),
    COMMUNITY_ACCESS("community-access"),
    RESPITE("respite"),
    WELLBEING("wellbeing");

    private final String json;

    ServiceType(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static ServiceType fromJson(String value) {
        for (ServiceType t : values()) {
            if (t.json.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown service type " + value);
    }
}
