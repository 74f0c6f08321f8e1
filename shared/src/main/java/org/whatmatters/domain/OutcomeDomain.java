package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an outcome story is about: the domains commissioners report outcomes by. */
public enum OutcomeDomain {
    INDEPENDENCE("independence"),
    DIGNITY("dignity"),
    WELLBEING("wellbeing"),
    RELATIONSHIPS_COMMUNITY("relationships-community"),
    TRUST("trust"),
    CONTINUITY("continuity");

    private final String json;

    OutcomeDomain(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static OutcomeDomain fromJson(String value) {
        for (OutcomeDomain d : values()) {
            if (d.json.equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown outcome domain " + value);
    }
}
