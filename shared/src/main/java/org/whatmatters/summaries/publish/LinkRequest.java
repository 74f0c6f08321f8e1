package org.whatmatters.summaries.publish;

/** What a caller asks a download link for: the form (json, csv or html; html if not given) and its lifetime. */
public record LinkRequest(String format, Integer lifetimeSeconds) {

    public static final LinkRequest DEFAULTS = new LinkRequest(null, null);
}
