package org.whatmatters.live;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.whatmatters.ops.Metric;
import org.whatmatters.ops.ScheduledRun;

/**
 * Closes the connections whose token has expired (run every minute): API Gateway keeps a quiet
 * connection open for up to 2 hours, and a family's page that sends nothing would otherwise outlive
 * the sign-in that opened it. Read through an index by expiry, never a scan; each connection is a
 * unit of its own, so one that cannot be closed does not keep the others open.
 */
@Singleton
public final class ConnectionSweep {

    private final ConnectionStore connections;
    private final LiveSockets sockets;
    private final Clock clock;

    @Inject
    public ConnectionSweep(ConnectionStore connections, LiveSockets sockets, Clock clock) {
        this.connections = connections;
        this.sockets = sockets;
        this.clock = clock;
    }

    /** The ids of the connections closed; fails after trying every one if any could not be closed. */
    public List<String> closeExpired() {
        ScheduledRun run = new ScheduledRun(Metric.SWEEP_FAILURES);
        List<String> closed = connections.expiredBy(clock.instant()).stream().map(Connection::connectionId)
                .filter(id -> run.attempt(id, () -> {
                    if (!sockets.close(id, "token expired")) {
                        throw new IllegalStateException("API Gateway did not close connection " + id);
                    }
                    Metric.CONNECTIONS_CLOSED.add();
                    return id;
                }).isPresent()).toList();
        run.finish("expired connections");
        return closed;
    }
}
