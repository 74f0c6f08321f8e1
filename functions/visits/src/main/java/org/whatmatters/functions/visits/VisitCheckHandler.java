package org.whatmatters.functions.visits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import org.whatmatters.visits.LateCheck;

/** Every minute: marks visits nobody has checked in to as late, then missed (see {@link LateCheck}). */
public final class VisitCheckHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final LateCheck check;

    public VisitCheckHandler() {
        this(VisitCheckComponent.create(Env.system()));
    }

    public VisitCheckHandler(VisitCheckComponent wiring) {
        this.check = wiring.check();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), null)) {
            LateCheck.Result r = check.run();
            if (r.late() + r.missed() > 0) {
                Log.info("late check", "late", r.late(), "missed", r.missed());
            }
            return Map.of("late", r.late(), "missed", r.missed());
        }
    }
}
