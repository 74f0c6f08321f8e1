package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.DeliveryFeedback;

/** Wiring for the function that takes bounces, complaints and SMS replies. */
@Singleton
@Component(modules = NotificationsModule.class)
public interface NotificationFeedbackComponent {

    static NotificationFeedbackComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static NotificationFeedbackComponent create(Env env, Clock clock) {
        return DaggerNotificationFeedbackComponent.factory().create(env, clock);
    }

    DeliveryFeedback feedback();

    @Component.Factory
    interface Factory {
        NotificationFeedbackComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
