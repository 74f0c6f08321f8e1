package org.whatmatters.domain;

import java.time.Instant;

/**
 * One respondent asked for feedback in one survey period: the denominator of the response rate.
 * {@code teamId} is the client's team when invited, for the per-team aggregates.
 */
public record Invitation(String periodId, String contractId, RespondentType respondentType, String respondentId,
                         String clientId, String teamId, String invitedBy, Instant invitedAt) {
}
