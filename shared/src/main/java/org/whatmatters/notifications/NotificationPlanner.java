package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.whatmatters.config.Env;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.HeldNotificationStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.HeldNotification;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.QuietHours;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.live.Effect;
import org.whatmatters.live.LiveMessage;
import org.whatmatters.ops.Metric;

/**
 * Turns one live update into the notifications it means: for each family member linked to the person now,
 * each channel they chose for that kind of update, sent now or held to the morning by their quiet hours.
 * Planning twice plans the same notifications (the sender sends each once).
 */
@Singleton
public final class NotificationPlanner {

    private final FamilyLinkStore links;
    private final NotificationPreferencesStore preferences;
    private final ContactStore contacts;
    private final HeldNotificationStore held;
    private final NotificationQueue queue;
    private final Channels channels;
    private final ZoneId zone;
    private final Clock clock;

    @Inject
    public NotificationPlanner(FamilyLinkStore links, NotificationPreferencesStore preferences, ContactStore contacts,
                               HeldNotificationStore held, NotificationQueue queue, Channels channels, Env env,
                               Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.contacts = contacts;
        this.held = held;
        this.queue = queue;
        this.channels = channels;
        this.zone = env.zone();
        this.clock = clock;
    }

    /** The kind of notification a live update is, if families are notified of it at all. */
    static Optional<UpdateKind> kind(LiveMessage m) {
        return switch (m.type()) {
            case VISIT_STARTED -> Optional.of(UpdateKind.ARRIVED);
            case VISIT_FINISHED -> Optional.of(UpdateKind.VISIT_FINISHED);
            case STORY_SHARED -> Optional.of(UpdateKind.STORY_SHARED);
            case SURVEY_OPEN -> Optional.of(UpdateKind.SURVEY_OPEN);
            case VISIT_CANCELLED, VISIT_CHANGED -> Optional.of(UpdateKind.VISIT_CHANGED);
            case VISIT_LATE -> Optional.of(UpdateKind.VISIT_LATE);
            case VISIT_MISSED -> Optional.of(UpdateKind.VISIT_MISSED);
            case VISIT_PLANNED -> Optional.empty();
        };
    }

    /** Plans and queues; what quiet hours hold is kept until it is due. */
    public void plan(Effect.Publish update) {
        Optional<UpdateKind> kind = kind(update.message());
        if (kind.isEmpty()) {
            return;
        }
        LiveMessage m = update.message();
        List<String> recipients = links.ofClient(m.clientId()).stream().filter(FamilyLink::active)
                .map(FamilyLink::familySub)
                .filter(sub -> update.audienceSub() == null || update.audienceSub().equals(sub)).distinct().toList();
        List<Notification> now = new ArrayList<>();
        for (String sub : recipients) {
            now.addAll(route(new Notification(m.id(), kind.get(), Channel.EMAIL, sub, m.clientId(), m.time(),
                    MessageText.essentials(m.data()))));
        }
        if (!now.isEmpty()) {
            queue.send(now);
        }
    }

    /**
     * One notification (channel ignored) for one person as their choices make it: one per chosen channel that
     * this stack offers, each to send now; those quiet hours hold are kept here and not returned.
     */
    public List<Notification> route(Notification n) {
        NotificationPreferences p = preferences.of(n.recipientId(), n.clientId());
        Set<Channel> chosen = p.channelsFor(n.kind(), contacts.of(n.recipientId()).smsVerified());
        List<Notification> now = new ArrayList<>();
        Instant at = clock.instant();
        for (Channel c : chosen) {
            if (!channels.available().contains(c)) {
                continue;
            }
            Notification one = new Notification(n.updateId(), n.kind(), c, n.recipientId(), n.clientId(), n.time(), n.data());
            switch (p.quietHours().decide(n.kind(), at, zone)) {
                case QuietHours.Decision.SendNow s -> now.add(one);
                case QuietHours.Decision.HoldUntil h -> {
                    held.hold(new HeldNotification(h.at(), one.key(), one.json()));
                    Metric.NOTIFICATIONS_HELD.add();
                }
                case QuietHours.Decision.Drop d -> Metric.NOTIFICATIONS_DROPPED.add();
            }
        }
        return now;
    }

    /** Queues what quiet hours held and is now due; released only once the queue took it. */
    public int release() {
        Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        List<HeldNotification> due = new ArrayList<>(held.due(today.minusDays(1), now));
        due.addAll(held.due(today, now));
        for (int i = 0; i < due.size(); i += 10) {
            List<HeldNotification> batch = due.subList(i, Math.min(due.size(), i + 10));
            queue.send(batch.stream().map(h -> Notification.read(h.message())).toList());
            batch.forEach(held::release);
        }
        return due.size();
    }
}
