package org.whatmatters.domain;

/** An address a client's visit was planned at: kept so that redaction can take it out of shared stories. */
public record ClientAddress(String clientId, String address) {
}
