package org.whatmatters.summaries.publish;

import java.time.Instant;

/** A signed download link as handed out: anyone holding {@code url} can GET the file until {@code expiresAt}. */
public record LinkView(String linkId, String summaryId, String format, String url, Instant issuedAt, Instant expiresAt,
                       int lifetimeSeconds) {
}
