package org.whatmatters.live;

/** Sends one message to one WebSocket connection (API Gateway's @connections in AWS). */
@FunctionalInterface
public interface Poster {

    enum Outcome {
        SENT,
        /** The connection is closed (410): it is forgotten, and that is not a failure. */
        GONE,
        /** Anything else: the update is retried for this connection. */
        FAILED
    }

    Outcome post(String connectionId, String message);
}
