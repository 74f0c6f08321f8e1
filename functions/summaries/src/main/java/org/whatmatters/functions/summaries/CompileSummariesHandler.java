package org.whatmatters.functions.summaries;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import org.whatmatters.ops.ScheduledRun;
import org.whatmatters.summaries.publish.SummaryCompiler;

/**
 * The scheduled compile. EventBridge Scheduler sends {@code {"run": "monthly" | "period-end",
 * "scheduledTime": "<aws.scheduler.scheduled-time>"}}; the day compiled for is the scheduled
 * time's date in the provider's zone (so a retried or late run compiles the same thing), or
 * today when the event has no time.
 */
public final class CompileSummariesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final CompileComponent c;

    /** Lambda's entry point. */
    public CompileSummariesHandler() {
        this(CompileComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public CompileSummariesHandler(CompileComponent wiring) {
        this.c = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String run = String.valueOf(event.getOrDefault("run", ""));
        // A schedule's run is correlated by its name and time: a retry of the same run reads the same.
        String correlationId = run + "@" + event.getOrDefault("scheduledTime", event.getOrDefault("time", "now"));
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            Map<String, Object> out = compile(run, event);
            Log.info("compiled", "run", run, "summaries", out.get("compiled"), "failed", out.get("failed"));
            @SuppressWarnings("unchecked")
            List<String> failed = (List<String>) out.get("failed");
            if (!failed.isEmpty()) {
                // The other units are compiled and kept; failing the invocation brings Lambda's retries, then the
                // failure queue and the errors alarm, with the ids that failed.
                throw new ScheduledRun.UnitsFailed("of the " + run + " run's units", failed);
            }
            return out;
        }
    }

    private Map<String, Object> compile(String run, Map<String, Object> event) {
        LocalDate today = LocalDate.ofInstant(time(event), c.clock().getZone());
        SummaryCompiler.Run result = switch (run) {
            case "monthly" -> c.compiler().monthly(today, "schedule:monthly");
            case "period-end" -> c.compiler().periodEnds(today, "schedule:period-end");
            default -> throw new IllegalArgumentException("run must be monthly or period-end, not '" + run + "'");
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.put("day", today.toString());
        out.put("compiled", result.compiled().stream().map(SummaryEntry::summaryId).toList());
        out.put("failed", result.failed());
        return out;
    }

    /** scheduledTime (Scheduler), else time (an EventBridge rule's event), else now. */
    private Instant time(Map<String, Object> event) {
        Object at = event.containsKey("scheduledTime") ? event.get("scheduledTime") : event.get("time");
        if (at == null) {
            return c.clock().instant();
        }
        try {
            return Instant.parse(String.valueOf(at));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant, not '" + at + "'", e);
        }
    }
}
