package org.whatmatters.domain;

/** One form of a compiled summary in the summaries bucket: json, csv or html. */
public record SummaryFile(String format, String key, String contentType, long bytes, String sha256) {
}
