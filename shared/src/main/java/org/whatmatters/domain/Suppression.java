package org.whatmatters.domain;

import java.time.Instant;

/**
 * An address nothing more is sent to on a channel: an e-mail that bounced for good or was marked as spam,
 * a number that answered STOP. Keyed by the address, since that is all a bounce or a reply names.
 */
public record Suppression(Channel channel, String address, Reason reason, Instant at) {

    public enum Reason { BOUNCE, COMPLAINT, OPT_OUT }
}
