package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.NotificationPlanner;

/** Wiring for the scheduled function that releases what quiet hours held. */
@Singleton
@Component(modules = NotificationsModule.class)
public interface ReleaseNotificationsComponent {

    static ReleaseNotificationsComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static ReleaseNotificationsComponent create(Env env, Clock clock) {
        return DaggerReleaseNotificationsComponent.factory().create(env, clock);
    }

    NotificationPlanner planner();

    @Component.Factory
    interface Factory {
        ReleaseNotificationsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
