package org.whatmatters.local.cloud;

/** The triggers of a function that the local cloud emulates. */
public sealed interface EventSource {

    String name();

    /**
     * An HttpApi event: {@code method} is upper case or ANY; {@code path} may hold {param} and {proxy+};
     * {@code authorizer} is the route's own (NONE for an open route), or null for the API's default.
     */
    record HttpRoute(String name, String apiId, String method, String path, String authorizer)
            implements EventSource {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** Schedule (an EventBridge rule) or ScheduleV2 ({@code scheduler}: EventBridge Scheduler): rate(...) or cron(...). */
    record Schedule(String name, String expression, String input, boolean enabled, String timeZone, boolean scheduler)
            implements EventSource {
        public Schedule(String name, String expression, String input, boolean enabled, String timeZone) {
            this(name, expression, input, enabled, timeZone, false);
        }
    }

    /**
     * A DynamoDB stream source on the table named {@code tableName}; {@code onFailure} is the ARN of its
     * DestinationConfig.OnFailure (a queue or topic), or null.
     */
    record DynamoStream(String name, String tableName, int batchSize, String startingPosition,
                        boolean reportBatchItemFailures, int maximumRetryAttempts, String onFailure)
            implements EventSource {
        public DynamoStream(String name, String tableName, int batchSize, String startingPosition,
                            boolean reportBatchItemFailures, int maximumRetryAttempts) {
            this(name, tableName, batchSize, startingPosition, reportBatchItemFailures, maximumRetryAttempts, null);
        }
    }

    /**
     * An SQS event source mapping on the queue with this ARN. {@code maximumConcurrency} is
     * ScalingConfig.MaximumConcurrency, or 0 when the template leaves it to Lambda.
     */
    record SqsQueue(String name, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
                    boolean reportBatchItemFailures, boolean enabled, int maximumConcurrency) implements EventSource {
        public SqsQueue(String name, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
                        boolean reportBatchItemFailures) {
            this(name, queueArn, batchSize, maximumBatchingWindowSeconds, reportBatchItemFailures, true, 0);
        }
    }

    /** The function subscribed to the SNS topic with this ARN. */
    record SnsTopic(String name, String topicArn) implements EventSource {
    }
}
