package org.whatmatters.functions.live;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.TokenVerifier;
import org.whatmatters.config.Env;
import org.whatmatters.live.LiveSockets;

/** Wiring for the live socket function: clients, the issuer's keys and @connections, built once per instance. */
@Singleton
@Component(modules = LiveModule.class)
public interface LiveSocketComponent {

    /** Lambda's wiring: the system clock in UTC. */
    static LiveSocketComponent create(Env env) {
        return create(env, Clock.systemUTC());
    }

    static LiveSocketComponent create(Env env, Clock clock) {
        return DaggerLiveSocketComponent.factory().create(env, clock);
    }

    LiveSockets sockets();

    TokenVerifier tokens();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        LiveSocketComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
