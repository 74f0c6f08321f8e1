package org.whatmatters.domain;

import java.time.Instant;

/** The audit record of one signed download link: who asked, for which summary and form, when, until when. */
public record LinkIssued(String linkId, String summaryId, String format, String issuedTo, String role,
                         String organisation, Instant issuedAt, Instant expiresAt) {
}
