package org.whatmatters.domain;

/** Where support is given: an address, and a position when the device knew it. */
public record Location(String address, Double latitude, Double longitude) {
}
