package org.whatmatters.functions.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.List;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.Priming;
import org.whatmatters.lambda.StreamImages;
import org.whatmatters.live.FanOut;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/**
 * The data table's stream: live updates to the families (and team) watching each client. Answers the
 * records to retry as batch item failures, so one failing record neither blocks nor loses the others.
 */
public final class FanOutHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final FanOut fanOut;
    private final Priming priming;

    /** Lambda's entry point. */
    public FanOutHandler() {
        this(FanOutComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public FanOutHandler(FanOutComponent wiring) {
        this.fanOut = wiring.fanOut();
        this.priming = Priming.register(() -> handleRequest(primingBatch(), null));
    }

    public Priming priming() {
        return priming;
    }

    /** One record of an aggregate item: read, recognised as nothing to tell anyone, and skipped. */
    static DynamodbEvent primingBatch() {
        var image = Map.of("PK", new AttributeValue().withS("AGG#TEAM#priming"), "SK", new AttributeValue()
                .withS("MONTH#2000-01"), "kind", new AttributeValue().withS("Aggregate"));
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("priming");
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withSequenceNumber("0").withNewImage(image).withKeys(
                Map.of("PK", image.get("PK"), "SK", image.get("SK"))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
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
