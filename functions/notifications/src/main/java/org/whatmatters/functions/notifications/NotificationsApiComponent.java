package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.notifications.NotificationSettings;
import org.whatmatters.notifications.PhoneVerification;
import org.whatmatters.notifications.PushDevices;

/** Wiring for the notification settings API. */
@Singleton
@Component(modules = NotificationsModule.class)
public interface NotificationsApiComponent {

    /** Lambda's wiring: the system clock in UTC. */
    static NotificationsApiComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static NotificationsApiComponent create(Env env, Clock clock) {
        return DaggerNotificationsApiComponent.factory().create(env, clock);
    }

    NotificationSettings settings();

    PushDevices devices();

    PhoneVerification phone();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        NotificationsApiComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
