package org.whatmatters.functions.notifications;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.notifications.OneClickUnsubscribe;

/** Wiring for the one-click unsubscribe link (no sign-in). */
@Singleton
@Component(modules = NotificationsModule.class)
public interface UnsubscribeComponent {

    static UnsubscribeComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static UnsubscribeComponent create(Env env, Clock clock) {
        return DaggerUnsubscribeComponent.factory().create(env, clock);
    }

    OneClickUnsubscribe unsubscribe();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        UnsubscribeComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
