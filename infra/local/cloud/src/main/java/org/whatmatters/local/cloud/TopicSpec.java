package org.whatmatters.local.cloud;

import java.util.List;

/** One AWS::SNS::Topic with the subscriptions the local cloud delivers to (functions, from either side). */
public record TopicSpec(String logicalId, String name, String arn, List<Subscription> subscriptions) {

    /**
     * A lambda subscription: an AWS::SNS::Subscription or a function's SNS event ({@code source} names
     * which, e.g. {@code EmailFeedbackFunction.Events.Feedback}).
     */
    public record Subscription(String source, String functionId, String arn) {
    }
}
