package org.whatmatters.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.Notification;
import org.whatmatters.notifications.NotificationSender;
import org.whatmatters.ops.Invocation;
import org.whatmatters.ops.Log;

/**
 * The notifications queue: each message sent once (see NotificationSender), those to retry answered as batch
 * item failures, so the queue redelivers only them and, after its limit, moves them to the dead letters.
 */
public final class SendNotificationsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Time kept back for one more send to finish (push to a few browsers at their timeouts). */
    static final int RESERVE_MS = 15_000;

    private final NotificationSender sender;

    public SendNotificationsHandler() {
        this(SendNotificationsComponent.create(Env.system()));
    }

    public SendNotificationsHandler(SendNotificationsComponent wiring) {
        this.sender = wiring.sender();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        String correlationId = messages.isEmpty() ? null : messages.getFirst().getMessageId();
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), correlationId)) {
            List<SQSBatchResponse.BatchItemFailure> retry = new ArrayList<>();
            for (SQSEvent.SQSMessage m : messages) {
                // Those not started with time to spare go back to the queue, not into a timeout mid-send.
                if (context != null && context.getRemainingTimeInMillis() < RESERVE_MS) {
                    retry.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    continue;
                }
                Notification n;
                try {
                    n = Notification.read(m.getBody());
                } catch (RuntimeException e) {
                    Log.error("skipped, unreadable: " + e, "message", m.getMessageId());
                    continue;
                }
                try {
                    if (sender.send(n) == NotificationSender.Outcome.RETRY) {
                        retry.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    }
                } catch (RuntimeException e) {
                    Log.warn("will be retried: " + e.getClass().getSimpleName(), "message", m.getMessageId());
                    retry.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
            }
            Log.info("batch", "messages", messages.size(), "retry", retry.size());
            return new SQSBatchResponse(retry);
        }
    }
}
