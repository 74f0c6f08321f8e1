package org.whatmatters.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.NotificationPlanner;
import org.whatmatters.notifications.ScheduledNotifications;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/**
 * The notifications made on a schedule, by the event's {@code run}: "release" (every five minutes, what quiet
 * hours held and is now due), "reminders" (daily, survey reminders), "digest" (Sunday 18:00, the weekly digest).
 */
public final class NotificationScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final NotificationPlanner planner;
    private final ScheduledNotifications scheduled;

    public NotificationScheduleHandler() {
        this(NotificationScheduleComponent.create(Env.system()));
    }

    public NotificationScheduleHandler(NotificationScheduleComponent wiring) {
        this.planner = wiring.planner();
        this.scheduled = wiring.scheduled();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), null)) {
            String run = event == null ? "release" : String.valueOf(event.getOrDefault("run", "release"));
            int queued = switch (run) {
                case "release" -> planner.release();
                case "reminders" -> scheduled.reminders();
                case "digest" -> scheduled.digest();
                default -> throw new IllegalArgumentException("unknown run " + run + " (release, reminders, digest)");
            };
            Log.info("scheduled notifications", "run", run, "queued", queued);
            return Map.of("run", run, "queued", queued);
        }
    }
}
