package org.whatmatters.notifications;

import java.util.List;

/** Where planned notifications wait for the sender (SQS in AWS and in the local cloud). Throws when any was not taken. */
@FunctionalInterface
public interface NotificationQueue {

    void send(List<Notification> notifications);
}
