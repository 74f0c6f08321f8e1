package org.whatmatters.functions.visits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.data.ScheduleStore;
import org.whatmatters.domain.CareSchedule;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import org.whatmatters.ops.Metric;
import org.whatmatters.ops.ScheduledRun;
import org.whatmatters.rota.Generated;
import org.whatmatters.rota.VisitGeneration;

/**
 * The daily run: every schedule still in force has its visits generated up to VISIT_DAYS_AHEAD days ahead. A
 * rerun (a retry, a second run the same day) creates nothing twice; a schedule that fails is named and the
 * others go on.
 */
public final class GenerateVisitsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ScheduleStore schedules;
    private final VisitGeneration generation;
    private final Clock clock;

    public GenerateVisitsHandler() {
        this(GenerateVisitsComponent.create(Env.system()));
    }

    public GenerateVisitsHandler(GenerateVisitsComponent wiring) {
        this.schedules = wiring.schedules();
        this.generation = wiring.generation();
        this.clock = wiring.clock();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), null)) {
            Instant now = clock.instant();
            ScheduledRun run = new ScheduledRun(Metric.GENERATION_FAILURES);
            Generated total = Generated.NOTHING;
            int count = 0;
            for (CareSchedule s : schedules.inForce(LocalDate.ofInstant(now, clock.getZone()))) {
                count++;
                total = total.plus(run.attempt(s.scheduleId(), () -> generation.roll(s, now))
                        .orElse(Generated.NOTHING));
            }
            Log.info("visits generated", "schedules", count, "created", total.created(), "updated",
                    total.updated(), "removed", total.removed());
            run.finish("schedules");
            return Map.of("schedules", count, "created", total.created(), "updated", total.updated(),
                    "removed", total.removed());
        }
    }
}
