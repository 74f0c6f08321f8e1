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
interface ConnectionSweepComponent {

    ConnectionSweep sweep();

    @Component.Factory
    interface Factory {
        ConnectionSweepComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
