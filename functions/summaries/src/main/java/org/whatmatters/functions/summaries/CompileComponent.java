package org.whatmatters.functions.summaries;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.summaries.publish.SummaryCompiler;
import org.whatmatters.wiring.StorageModule;

/** Wiring for the scheduled compile function. */
@Singleton
@Component(modules = StorageModule.class)
public interface CompileComponent {

    /** Lambda's wiring: the system clock in the provider's zone. */
    static CompileComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static CompileComponent create(Env env, Clock clock) {
        return DaggerCompileComponent.factory().create(env, clock);
    }

    SummaryCompiler compiler();

    Clock clock();

    @Component.Factory
    interface Factory {
        CompileComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
