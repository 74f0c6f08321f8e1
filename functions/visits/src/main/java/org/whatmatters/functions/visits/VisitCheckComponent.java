package org.whatmatters.functions.visits;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.visits.LateCheck;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the minute-by-minute late and missed check. */
@Singleton
@Component(modules = AwsModule.class)
public interface VisitCheckComponent {

    static VisitCheckComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static VisitCheckComponent create(Env env, Clock clock) {
        return DaggerVisitCheckComponent.factory().create(env, clock);
    }

    LateCheck check();

    @Component.Factory
    interface Factory {
        VisitCheckComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
