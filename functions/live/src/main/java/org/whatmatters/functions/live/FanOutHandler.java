package org.whatmatters.functions.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import org.whatmatters.config.Env;
import org.whatmatters.live.FanOut;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/**
 * The data table's stream: live updates to the families (and team) watching each client. Answers the
 * records to retry as batch item failures, so one failing record neither blocks nor loses the others.
 */
public final class FanOutHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final FanOut fanOut;

    /** Lambda's entry point. */
    public FanOutHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public FanOutHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public FanOutHandler(Env env, Clock clock) {
        this.fanOut = DaggerFanOutComponent.factory().create(env, clock).fanOut();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        var records = event.getRecords();
        // A batch is correlated by its first record's event id.
        String correlationId = records.isEmpty() ? null : records.getFirst().getEventID();
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            var failed = fanOut.handle(records.stream().map(StreamImages::change).toList());
            Log.info("batch", "records", records.size(), "retry", failed.size());
            return new StreamsEventResponse(failed.stream().map(StreamsEventResponse.BatchItemFailure::new).toList());
        }
    }
}
