package org.whatmatters.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.DeliveryFeedback;
import org.whatmatters.ops.Invocation;

/** SES bounce and complaint events, and SMS replies, through their SNS topics: suppress the address. */
public final class NotificationFeedbackHandler implements RequestHandler<SNSEvent, String> {

    private final DeliveryFeedback feedback;

    public NotificationFeedbackHandler() {
        this(NotificationFeedbackComponent.create(Env.system()));
    }

    public NotificationFeedbackHandler(NotificationFeedbackComponent wiring) {
        this.feedback = wiring.feedback();
    }

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        var records = event.getRecords() == null ? java.util.List.<SNSEvent.SNSRecord>of() : event.getRecords();
        try (Invocation ignored = Invocation.begin(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(),
                records.isEmpty() ? null : records.getFirst().getSNS().getMessageId())) {
            records.forEach(r -> feedback.handle(r.getSNS().getMessage()));
            return "ok";
        }
    }
}
