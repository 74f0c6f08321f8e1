package org.whatmatters.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One family member's choices for one person they are linked to: which channels carry each kind of
 * update, and their quiet hours. SMS is used only once their number is verified.
 */
public record NotificationPreferences(String recipientId, String clientId, Map<UpdateKind, Set<Channel>> channels,
                                      QuietHours quietHours) {

    public NotificationPreferences {
        Map<UpdateKind, Set<Channel>> copy = new EnumMap<>(UpdateKind.class);
        for (UpdateKind kind : UpdateKind.values()) {
            Set<Channel> chosen = channels.get(kind);
            copy.put(kind, chosen == null || chosen.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(chosen)));
        }
        channels = Map.copyOf(copy);
    }

    /**
     * What a family would pick before choosing: e-mail for surveys and the weekly digest, push for
     * arrivals, push and e-mail for a late or missed visit, no SMS (no number is verified yet).
     * A finished visit and a shared story reach them in the digest and on the page.
     */
    public static NotificationPreferences defaults(String recipientId, String clientId) {
        Map<UpdateKind, Set<Channel>> c = new EnumMap<>(UpdateKind.class);
        c.put(UpdateKind.ARRIVED, Set.of(Channel.PUSH));
        c.put(UpdateKind.SURVEY_OPEN, Set.of(Channel.EMAIL));
        c.put(UpdateKind.SURVEY_REMINDER, Set.of(Channel.EMAIL));
        c.put(UpdateKind.WEEKLY_DIGEST, Set.of(Channel.EMAIL));
        c.put(UpdateKind.VISIT_CHANGED, Set.of(Channel.PUSH));
        c.put(UpdateKind.VISIT_LATE, Set.of(Channel.PUSH, Channel.EMAIL));
        c.put(UpdateKind.VISIT_MISSED, Set.of(Channel.PUSH, Channel.EMAIL));
        return new NotificationPreferences(recipientId, clientId, c, QuietHours.DEFAULT);
    }

    /** The channels this kind of update goes by; SMS only to a verified number. */
    public Set<Channel> channelsFor(UpdateKind kind, boolean smsVerified) {
        Set<Channel> chosen = channels.get(kind);
        if (smsVerified || !chosen.contains(Channel.SMS)) {
            return chosen;
        }
        EnumSet<Channel> without = EnumSet.noneOf(Channel.class);
        without.addAll(chosen);
        without.remove(Channel.SMS);
        return Set.copyOf(without);
    }

    /** The same choices with one channel turned off for one kind (a one-click unsubscribe). */
    public NotificationPreferences without(UpdateKind kind, Channel channel) {
        Map<UpdateKind, Set<Channel>> c = new EnumMap<>(channels);
        EnumSet<Channel> left = EnumSet.noneOf(Channel.class);
        left.addAll(channels.getOrDefault(kind, Set.of()));
        left.remove(channel);
        c.put(kind, left);
        return new NotificationPreferences(recipientId, clientId, c, quietHours);
    }

    /** The same choices with one kind's channels replaced. */
    public NotificationPreferences with(UpdateKind kind, Set<Channel> chosen) {
        Map<UpdateKind, Set<Channel>> c = new EnumMap<>(channels);
        c.put(kind, chosen);
        return new NotificationPreferences(recipientId, clientId, c, quietHours);
    }
}
