package org.whatmatters.functions.live;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.live.UpdateFeed;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the updates API function: the data table only. */
@Singleton
@Component(modules = AwsModule.class)
public interface UpdatesComponent {

    /** Lambda's wiring: the system clock in UTC. */
    static UpdatesComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static UpdatesComponent create(Env env, Clock clock) {
        return DaggerUpdatesComponent.factory().create(env, clock);
    }

    UpdateFeed feed();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        UpdatesComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
