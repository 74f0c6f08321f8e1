package org.whatmatters.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.NotificationPlanner;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/** Every five minutes: what quiet hours held and is now due goes to the queue. */
public final class ReleaseNotificationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final NotificationPlanner planner;

    public ReleaseNotificationsHandler() {
        this(ReleaseNotificationsComponent.create(Env.system()));
    }

    public ReleaseNotificationsHandler(ReleaseNotificationsComponent wiring) {
        this.planner = wiring.planner();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), null)) {
            int released = planner.release();
            Log.info("released", "notifications", released);
            return Map.of("released", released);
        }
    }
}
