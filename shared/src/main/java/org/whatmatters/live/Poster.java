package org.whatmatters.live;

/** Sends to, and closes, WebSocket connections (API Gateway's @connections in AWS). */
public interface Poster {

    enum Outcome {
        SENT,
        /** The connection is closed (410): it is forgotten, and that is not a failure. */
        GONE,
        /** Anything else: the update is retried for this connection. */
        FAILED
    }

    Outcome post(String connectionId, String message);

    /** Closes the connection (DELETE @connections/{id}); one that is gone already counts as closed. */
    Outcome close(String connectionId);
}
