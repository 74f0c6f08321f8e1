package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.live.ChangeReader;
import org.whatmatters.notifications.NotificationPlanner;

/** Wiring for the stream function that plans notifications. */
@Singleton
@Component(modules = NotificationsModule.class)
public interface PlanNotificationsComponent {

    static PlanNotificationsComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static PlanNotificationsComponent create(Env env, Clock clock) {
        return DaggerPlanNotificationsComponent.factory().create(env, clock);
    }

    ChangeReader reader();

    NotificationPlanner planner();

    @Component.Factory
    interface Factory {
        PlanNotificationsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
