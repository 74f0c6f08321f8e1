package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.NotificationPlanner;
import org.whatmatters.notifications.ScheduledNotifications;

/** Wiring for the scheduled notifications (held ones released, survey reminders, the weekly digest). */
@Singleton
@Component(modules = NotificationsModule.class)
public interface NotificationScheduleComponent {

    static NotificationScheduleComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static NotificationScheduleComponent create(Env env, Clock clock) {
        return DaggerNotificationScheduleComponent.factory().create(env, clock);
    }

    NotificationPlanner planner();

    ScheduledNotifications scheduled();

    @Component.Factory
    interface Factory {
        NotificationScheduleComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
