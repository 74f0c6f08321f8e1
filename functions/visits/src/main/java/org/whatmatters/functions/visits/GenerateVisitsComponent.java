package org.whatmatters.functions.visits;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.data.ScheduleStore;
import org.whatmatters.rota.VisitGeneration;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the daily visit generation: the clock in the provider's zone decides what "today" is. */
@Singleton
@Component(modules = AwsModule.class)
public interface GenerateVisitsComponent {

    static GenerateVisitsComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static GenerateVisitsComponent create(Env env, Clock clock) {
        return DaggerGenerateVisitsComponent.factory().create(env, clock);
    }

    ScheduleStore schedules();

    VisitGeneration generation();

    Clock clock();

    @Component.Factory
    interface Factory {
        GenerateVisitsComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
