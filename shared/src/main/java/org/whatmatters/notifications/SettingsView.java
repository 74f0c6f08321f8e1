package org.whatmatters.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.UpdateKind;

/** GET /me/notification-preferences: how the caller is reached and what they chose, per person they are linked to. */
public record SettingsView(String timeZone, Set<Channel> channelsAvailable, ContactView contact, List<PersonChoices> people,
                           List<DeviceView> pushSubscriptions, String vapidPublicKey) {

    public record ContactView(String email, boolean emailSuppressed, String phone, boolean phoneVerified,
                              String pendingPhone, boolean smsStopped) {
    }

    /** One person's choices: every kind of update with its channels, and the quiet hours. */
    public record PersonChoices(String clientId, String clientName, Map<UpdateKind, Set<Channel>> channels,
                                QuietHoursView quietHours) {
    }

    public record QuietHoursView(String from, String until, boolean holdUntilMorning) {
    }

    /** A subscribed browser, shown by its push service only (the endpoint is a capability, not shown back). */
    public record DeviceView(String subscriptionId, String pushService, Instant createdAt) {
    }
}
