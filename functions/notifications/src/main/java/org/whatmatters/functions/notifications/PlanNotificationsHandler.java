package org.whatmatters.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.StreamImages;
import org.whatmatters.live.Change;
import org.whatmatters.live.ChangeReader;
import org.whatmatters.live.Effect;
import org.whatmatters.notifications.NotificationPlanner;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The data table's stream, beside the live fan-out: each update a family may be told of becomes notifications
 * on the queue. A record whose planning failed is retried (with the ones after it); planning twice queues the
 * same notifications, which the sender sends once.
 */
public final class PlanNotificationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final ChangeReader reader;
    private final NotificationPlanner planner;

    public PlanNotificationsHandler() {
        this(PlanNotificationsComponent.create(Env.system()));
    }

    public PlanNotificationsHandler(PlanNotificationsComponent wiring) {
        this.reader = wiring.reader();
        this.planner = wiring.planner();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        var records = event.getRecords();
        String correlationId = records.isEmpty() ? null : records.getFirst().getEventID();
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            List<StreamsEventResponse.BatchItemFailure> failed = new ArrayList<>();
            for (var record : records) {
                Change c = StreamImages.change(record);
                if (!failed.isEmpty()) {
                    // Lambda retries from the first failure: the later ones go again too, in order.
                    failed.add(new StreamsEventResponse.BatchItemFailure(c.sequenceNumber()));
                    continue;
                }
                try {
                    if (reader.read(c).orElse(null) instanceof Effect.Publish p) {
                        planner.plan(p);
                    }
                } catch (SdkException | IllegalStateException e) {
                    Log.warn("will be retried: " + e, "record", c.sequenceNumber());
                    failed.add(new StreamsEventResponse.BatchItemFailure(c.sequenceNumber()));
                } catch (RuntimeException e) {
                    Log.error("skipped, unreadable: " + e, "record", c.sequenceNumber());
                }
            }
            Log.info("batch", "records", records.size(), "retry", failed.size());
            return new StreamsEventResponse(failed);
        }
    }
}
