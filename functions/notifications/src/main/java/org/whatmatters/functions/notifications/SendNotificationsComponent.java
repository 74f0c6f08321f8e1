package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.NotificationSender;

/** Wiring for the queue function that sends notifications. */
@Singleton
@Component(modules = NotificationsModule.class)
public interface SendNotificationsComponent {

    static SendNotificationsComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static SendNotificationsComponent create(Env env, Clock clock) {
        return DaggerSendNotificationsComponent.factory().create(env, clock);
    }

    NotificationSender sender();

    @Component.Factory
    interface Factory {
        SendNotificationsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
