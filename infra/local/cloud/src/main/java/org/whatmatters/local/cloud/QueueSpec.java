package org.whatmatters.local.cloud;

/**
 * One AWS::SQS::Queue as the template declares it, with SQS's defaults for what it leaves out.
 *
 * @param redrive null when the queue has no RedrivePolicy
 */
public record QueueSpec(String logicalId, String name, String arn, int visibilityTimeout, int delaySeconds,
                        int retentionSeconds, int maximumMessageSize, int receiveWaitSeconds, Redrive redrive) {

    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    public static final int DEFAULT_RETENTION = 345_600;
    public static final int MAX_MESSAGE_SIZE = 1_048_576;

    /** Messages received maxReceiveCount times are moved to the queue with this ARN on their next receive. */
    public record Redrive(String deadLetterTargetArn, int maxReceiveCount) {
    }

    /** A queue with every default (visibility 30 s, no delay, 4 days' retention, 1 MiB messages). */
    public static QueueSpec of(String name, String arn) {
        return new QueueSpec(name, name, arn, DEFAULT_VISIBILITY_TIMEOUT, 0, DEFAULT_RETENTION, MAX_MESSAGE_SIZE, 0, null);
    }

    public QueueSpec withRedrive(Redrive r) {
        return new QueueSpec(logicalId, name, arn, visibilityTimeout, delaySeconds, retentionSeconds, maximumMessageSize,
                receiveWaitSeconds, r);
    }

    public QueueSpec withDelaySeconds(int seconds) {
        return new QueueSpec(logicalId, name, arn, visibilityTimeout, seconds, retentionSeconds, maximumMessageSize,
                receiveWaitSeconds, redrive);
    }

    public QueueSpec withRetentionSeconds(int seconds) {
        return new QueueSpec(logicalId, name, arn, visibilityTimeout, delaySeconds, seconds, maximumMessageSize,
                receiveWaitSeconds, redrive);
    }

    /** The queue's URL on the local SQS endpoint, shaped as in AWS: {endpoint}/{account}/{name}. */
    public String url(String endpoint) {
        return endpoint + "/" + Resolver.ACCOUNT + "/" + name;
    }
}
