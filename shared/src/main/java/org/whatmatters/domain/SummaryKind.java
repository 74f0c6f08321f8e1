package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a compiled summary is: a contract's for its commissioner, a team's own dashboard, or a contract's EVV /
 * call-monitoring export for a month (personal data: the provider admin's only).
 */
public enum SummaryKind {
    COMMISSIONER_SUMMARY("commissioner-summary"),
    TEAM_DASHBOARD("team-dashboard"),
    EVV_EXPORT("evv-export");

    private final String json;

    SummaryKind(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static SummaryKind fromJson(String value) {
        for (SummaryKind k : values()) {
            if (k.json.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown summary kind " + value);
    }
}
