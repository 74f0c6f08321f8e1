package org.whatmatters.functions.live;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.live.FanOut;

/** Wiring for the stream fan-out function. */
@Singleton
@Component(modules = LiveModule.class)
public interface FanOutComponent {

    /** Lambda's wiring: the system clock in UTC. */
    static FanOutComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static FanOutComponent create(Env env, Clock clock) {
        return DaggerFanOutComponent.factory().create(env, clock);
    }

    FanOut fanOut();

    @Component.Factory
    interface Factory {
        FanOutComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
