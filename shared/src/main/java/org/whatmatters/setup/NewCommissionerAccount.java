package org.whatmatters.setup;

/** The body of {@code POST /commissioners/{commissionerId}/accounts}: the person's identity subject and name. */
public record NewCommissionerAccount(String sub, String displayName) {
}
