package org.whatmatters.domain;

import java.time.Instant;

/**
 * A person's account at a commissioner organisation, set up by the provider admin: what lets a
 * commissioner's sign-in see that organisation's contracts and summaries. A token's claim can only
 * narrow this, never stand in for it.
 */
public record CommissionerAccount(String commissionerId, String sub, String displayName, String addedBy,
                                  Instant addedAt) {
}
