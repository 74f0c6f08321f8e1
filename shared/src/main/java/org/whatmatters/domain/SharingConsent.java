package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a story may be shared with. The levels widen: family includes the team, and
 * commissioner-anonymised includes the family (and the team) as well as commissioners, who see it
 * only redacted. A story the family must not read is shared with the team only.
 */
public enum SharingConsent {
    TEAM("team"),
    FAMILY("family"),
    COMMISSIONER_ANONYMISED("commissioner-anonymised");

    private final String json;

    SharingConsent(String json) {
        this.json = json;
    }

    public boolean familyVisible() {
        return this != TEAM;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }

    public static SharingConsent fromJson(String value) {
        for (SharingConsent c : values()) {
            if (c.json.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown sharing consent " + value);
    }
}
