package org.whatmatters.notifications.push;

/** How soon the push service should deliver (RFC 8030 section 5.3): a phone on battery may hold low ones back. */
public enum Urgency {
    VERY_LOW("very-low"),
    LOW("low"),
    NORMAL("normal"),
    HIGH("high");

    private final String header;

    Urgency(String header) {
        this.header = header;
    }

    /** The Urgency header's value. */
    public String header() {
        return header;
    }
}
