package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.UnsubscribeLinkStore;
import org.whatmatters.domain.UnsubscribeLink;

/**
 * The unsubscribe link in each e-mail (RFC 8058): the token names one kind of update on one channel about one
 * person, and using it turns exactly that off. No sign-in: the token is the proof, random and single-purpose.
 */
@Singleton
public final class OneClickUnsubscribe {

    private final UnsubscribeLinkStore links;
    private final NotificationPreferencesStore preferences;
    private final Clock clock;

    @Inject
    public OneClickUnsubscribe(UnsubscribeLinkStore links, NotificationPreferencesStore preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** What the token would turn off, if it is one (for the page that asks to confirm). */
    public Optional<UnsubscribeLink> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return links.find(token).filter(l -> l.expiresAt().isAfter(clock.instant()));
    }

    /** Turns it off; the same token used twice leaves it off. */
    public Optional<UnsubscribeLink> apply(String token) {
        Optional<UnsubscribeLink> link = find(token);
        link.ifPresent(l -> preferences.put(preferences.of(l.recipientId(), l.clientId()).without(l.kind(), l.channel())));
        return link;
    }
}
