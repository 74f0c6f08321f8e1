package org.whatmatters.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who asked for a visit to be cancelled: commissioners count cancellations by it. */
public enum CancellationRequester {
    CLIENT("client"),
    FAMILY("family"),
    PROVIDER("provider");

    private final String json;

    CancellationRequester(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
