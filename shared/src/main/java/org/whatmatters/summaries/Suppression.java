package org.whatmatters.summaries;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a figure is not shown. */
public enum Suppression {
    /** The figure rests on fewer than {@link Disclosure#MIN_RESPONDENTS} respondents. */
    FEW_RESPONDENTS("few-respondents"),
    /** A count of 1–4. */
    SMALL_COUNT("small-count"),
    /** Shown, it would let a suppressed cell be worked out from a total and the other cells. */
    SECONDARY("secondary");

    private final String json;

    Suppression(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
