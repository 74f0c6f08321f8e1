package org.whatmatters.functions.notifications;

import java.util.ArrayList;
import java.util.List;
import org.whatmatters.notifications.Notification;
import org.whatmatters.notifications.NotificationQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The notifications queue: batches of ten, and an error when SQS did not take every one. */
final class SqsNotificationQueue implements NotificationQueue {

    private final SqsClient sqs;
    private final String url;

    SqsNotificationQueue(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    @Override
    public void send(List<Notification> notifications) {
        for (int i = 0; i < notifications.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Notification> batch = notifications.subList(i, Math.min(notifications.size(), i + 10));
            for (int j = 0; j < batch.size(); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j)).messageBody(batch.get(j).json()).build());
            }
            var response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " notifications not queued: "
                        + response.failed().getFirst().message());
            }
        }
    }
}
