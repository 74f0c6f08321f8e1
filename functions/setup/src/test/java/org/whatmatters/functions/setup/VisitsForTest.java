package org.whatmatters.functions.setup;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.visits.VisitService;
import org.whatmatters.wiring.AwsModule;

/** The visits service wired as the visits function wires it, to check what a revoked link can still read. */
@Singleton
@Component(modules = AwsModule.class)
interface VisitsForTest {

    VisitService visits();

    static VisitService on(Env env, Clock clock) {
        return DaggerVisitsForTest.factory().create(env, clock).visits();
    }

    @Component.Factory
    interface Factory {
        VisitsForTest create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
