package org.whatmatters.functions.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.live.ConnectionSweep;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/** Every minute (EventBridge Scheduler): closes the WebSocket connections whose token has expired. */
public final class ConnectionSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ConnectionSweep sweep;

    /** Lambda's entry point. */
    public ConnectionSweepHandler() {
        this(ConnectionSweepComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public ConnectionSweepHandler(ConnectionSweepComponent wiring) {
        this.sweep = wiring.sweep();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String correlationId = "sweep@" + event.getOrDefault("scheduledTime", event.getOrDefault("time", "now"));
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            List<String> closed = sweep.closeExpired();
            Log.info("swept", "closed", closed.size());
            return Map.of("closed", closed);
        }
    }
}
