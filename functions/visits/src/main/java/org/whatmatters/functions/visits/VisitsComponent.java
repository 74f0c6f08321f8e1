package org.whatmatters.functions.visits;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.rota.ScheduleService;
import org.whatmatters.visits.VisitService;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the visits API function: clients are built once, when the function instance starts. */
@Singleton
@Component(modules = AwsModule.class)
public interface VisitsComponent {

    /** Lambda's wiring: the system clock in the provider's zone. */
    static VisitsComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static VisitsComponent create(Env env, Clock clock) {
        return DaggerVisitsComponent.factory().create(env, clock);
    }

    VisitService visits();

    ScheduleService schedules();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        VisitsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
