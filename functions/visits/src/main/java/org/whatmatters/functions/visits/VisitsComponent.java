package org.whatmatters.functions.visits;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.visits.VisitService;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the visits API function: clients are built once, when the function instance starts. */
@Singleton
@Component(modules = AwsModule.class)
interface VisitsComponent {

    VisitService visits();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        VisitsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
