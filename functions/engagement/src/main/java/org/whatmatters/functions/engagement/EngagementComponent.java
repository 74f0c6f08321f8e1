package org.whatmatters.functions.engagement;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.feedback.FeedbackService;
import org.whatmatters.health.HealthEventService;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.shifts.ShiftService;
import org.whatmatters.stories.StoryService;
import org.whatmatters.wiring.AwsModule;

/** Wiring for the engagement API function: clients are built once, when the function instance starts. */
@Singleton
@Component(modules = AwsModule.class)
public interface EngagementComponent {

    /** Lambda's wiring: the system clock in the provider's zone. */
    static EngagementComponent create(Env env) {
        return create(env, Clock.system(env.zone()));
    }

    static EngagementComponent create(Env env, Clock clock) {
        return DaggerEngagementComponent.factory().create(env, clock);
    }

    StoryService stories();

    HealthEventService healthEvents();

    ShiftService shifts();

    FeedbackService feedback();

    IdempotencyStore idempotency();

    Affiliations affiliations();

    @Component.Factory
    interface Factory {
        EngagementComponent create(@BindsInstance Env env, @BindsInstance Clock clock);
    }
}
