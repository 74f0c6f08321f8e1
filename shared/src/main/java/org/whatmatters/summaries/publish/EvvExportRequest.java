package org.whatmatters.summaries.publish;

/** Which month of a contract to export for EVV / call monitoring, as {@code yyyy-MM}. */
public record EvvExportRequest(String month) {
}
