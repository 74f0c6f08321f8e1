package org.whatmatters.functions.live;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.live.ConnectionSweep;

/** Wiring for the connection sweep: the connections table and @connections, built once per instance. */
@Singleton
@Component(modules = LiveModule.class)
public interface ConnectionSweepComponent {

    /** Lambda's wiring: the system clock in UTC. */
    static ConnectionSweepComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static ConnectionSweepComponent create(Env env, Clock clock) {
        return DaggerConnectionSweepComponent.factory().create(env, clock);
    }

    ConnectionSweep sweep();

    @Component.Factory
    interface Factory {
        ConnectionSweepComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
