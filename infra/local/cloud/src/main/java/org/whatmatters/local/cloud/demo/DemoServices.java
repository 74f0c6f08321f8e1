package org.whatmatters.local.cloud.demo;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.data.DataTable;
import org.whatmatters.feedback.FeedbackService;
import org.whatmatters.health.HealthEventService;
import org.whatmatters.shifts.ShiftService;
import org.whatmatters.stories.StoryService;
import org.whatmatters.summaries.publish.SummaryCompiler;
import org.whatmatters.wiring.StorageModule;

/** The domain services wired as the functions wire them, so demo records take the same path (and counters). */
@Singleton
@Component(modules = StorageModule.class)
interface DemoServices {

    DataTable data();

    StoryService stories();

    HealthEventService healthEvents();

    ShiftService shifts();

    FeedbackService feedback();

    SummaryCompiler summaries();

    static DemoServices at(Env env, Clock clock) {
        return DaggerDemoServices.factory().create(env, clock);
    }

    @Component.Factory
    interface Factory {
        DemoServices create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
