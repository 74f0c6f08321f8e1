package org.whatmatters.functions.summaries;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.summaries.publish.SummaryService;
import org.whatmatters.wiring.StorageModule;

/** Wiring for the summaries API function: clients are built once, when the function instance starts. */
@Singleton
@Component(modules = StorageModule.class)
public interface SummariesComponent {

    /** Lambda's wiring: the system clock in the provider's zone. */
    static SummariesComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static SummariesComponent create(Env env, Clock clock) {
        return DaggerSummariesComponent.factory().create(env, clock);
    }

    SummaryService summaries();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        SummariesComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
