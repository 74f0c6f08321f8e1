package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.config.Env;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.PushSubscriptionStore;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contact;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.QuietHours;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Ids;

/**
 * A family member's own notification settings: what they are told of, how, and when, per person they are
 * linked to. Only their own: every read and write is under the caller's subject, and a person is named only
 * through the caller's active link to them.
 */
@Singleton
public final class NotificationSettings {

    private final FamilyLinkStore links;
    private final ClientStore clients;
    private final NotificationPreferencesStore preferences;
    private final ContactStore contacts;
    private final PushSubscriptionStore subscriptions;
    private final SuppressionStore suppressions;
    private final Channels channels;
    private final Env env;

    @Inject
    public NotificationSettings(FamilyLinkStore links, ClientStore clients, NotificationPreferencesStore preferences,
                                ContactStore contacts, PushSubscriptionStore subscriptions, SuppressionStore suppressions,
                                Channels channels, Env env) {
        this.links = links;
        this.clients = clients;
        this.preferences = preferences;
        this.contacts = contacts;
        this.subscriptions = subscriptions;
        this.suppressions = suppressions;
        this.channels = channels;
        this.env = env;
    }

    public SettingsView view(Caller caller) {
        Contact contact = seen(caller);
        List<SettingsView.PersonChoices> people = links.ofFamily(caller.sub()).stream()
                .filter(FamilyLink::active)
                .map(l -> clients.find(l.clientId()).map(c -> choices(preferences.of(caller.sub(), c.clientId()), c)))
                .flatMap(Optional::stream).toList();
        return new SettingsView(env.zone().getId(), channels.available(), contactView(contact), people,
                subscriptions.of(caller.sub()).stream().map(PushDevices::view).toList(), channels.pushPublicKey());
    }

    /** Saves one person's choices; kinds left out keep theirs. */
    public SettingsView.PersonChoices update(Caller caller, PreferencesChoice body) {
        requireFamily(caller);
        if (body == null) {
            throw ProblemException.invalidField("clientId", "is required");
        }
        Violations v = new Violations();
        if (v.required("clientId", body.clientId()) && !Ids.valid(body.clientId())) {
            v.add("clientId", "must be " + Ids.RULE);
        }
        v.throwIfAny();
        Client client = linkedClient(caller, body.clientId());
        Contact contact = seen(caller);
        NotificationPreferences now = preferences.of(caller.sub(), client.clientId());
        Map<UpdateKind, Set<Channel>> chosen = new EnumMap<>(UpdateKind.class);
        chosen.putAll(now.channels());
        if (body.channels() != null) {
            body.channels().forEach((kindName, names) -> {
                String field = "channels." + kindName;
                Optional<UpdateKind> kind = UpdateKind.parse(kindName);
                if (kind.isEmpty()) {
                    v.add(field, "is not a kind of update (" + List.of(UpdateKind.values()) + ")");
                    return;
                }
                if (names == null) {
                    v.add(field, "must be a list of channels, empty for none");
                    return;
                }
                Set<Channel> set = EnumSet.noneOf(Channel.class);
                for (String name : names) {
                    Optional<Channel> channel = Channel.parse(name);
                    if (channel.isEmpty()) {
                        v.add(field, "'" + name + "' is not a channel (email, sms, push)");
                    } else if (!channels.available().contains(channel.get())) {
                        v.add(field, channel.get() + " is not offered by this provider");
                    } else if (channel.get() == Channel.SMS && !contact.smsVerified()) {
                        v.add(field, "sms needs a verified mobile number first (PUT /me/phone)");
                    } else if (!set.add(channel.get())) {
                        v.add(field, channel.get() + " is listed twice");
                    }
                }
                chosen.put(kind.get(), set);
            });
        }
        QuietHours quiet = quietHours(v, body.quietHours(), now.quietHours());
        v.throwIfAny();
        NotificationPreferences saved = new NotificationPreferences(caller.sub(), client.clientId(), chosen, quiet);
        preferences.put(saved);
        return choices(saved, client);
    }

    private static QuietHours quietHours(Violations v, PreferencesChoice.QuietHoursChoice q, QuietHours current) {
        if (q == null) {
            return current;
        }
        LocalTime from = time(v, "quietHours.from", q.from());
        LocalTime until = time(v, "quietHours.until", q.until());
        v.required("quietHours.holdUntilMorning", q.holdUntilMorning());
        if (from != null && from.equals(until)) {
            v.add("quietHours.until", "must differ from quietHours.from");
        }
        return v.isEmpty() ? new QuietHours(from, until, q.holdUntilMorning()) : current;
    }

    private static LocalTime time(Violations v, String field, String value) {
        if (!v.required(field, value)) {
            return null;
        }
        try {
            if (!value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", value, 0);
            }
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            v.add(field, "must be a time of day as HH:mm, e.g. 21:00");
            return null;
        }
    }

    /** The caller's active link to the client, else the same 404 as for a client that does not exist. */
    Client linkedClient(Caller caller, String clientId) {
        return links.find(clientId, caller.sub()).filter(FamilyLink::active)
                .flatMap(l -> clients.find(clientId))
                .orElseThrow(() -> ProblemException.notFound("Client " + clientId));
    }

    /** Keeps the e-mail address the caller's sign-in verified, so notifications can reach it. */
    Contact seen(Caller caller) {
        requireFamily(caller);
        String email = caller.verifiedEmail();
        if (email != null) {
            contacts.keepEmail(caller.sub(), email);
        }
        return contacts.of(caller.sub());
    }

    SettingsView.ContactView contactView(Contact c) {
        boolean emailSuppressed = c.email() != null && suppressions.find(Channel.EMAIL, c.email()).isPresent();
        boolean stopped = c.phone() != null && suppressions.find(Channel.SMS, c.phone()).isPresent();
        return new SettingsView.ContactView(c.email(), emailSuppressed, c.phone(), c.smsVerified(),
                c.pending() == null ? null : c.pending().phone(), stopped);
    }

    private static SettingsView.PersonChoices choices(NotificationPreferences p, Client c) {
        Map<UpdateKind, Set<Channel>> all = new EnumMap<>(UpdateKind.class);
        for (UpdateKind k : UpdateKind.values()) {
            all.put(k, p.channels().getOrDefault(k, Set.of()));
        }
        QuietHours q = p.quietHours();
        return new SettingsView.PersonChoices(c.clientId(), c.displayName(), all,
                new SettingsView.QuietHoursView(q.from().toString(), q.until().toString(), q.holdUntilMorning()));
    }

    static void requireFamily(Caller caller) {
        if (!caller.is(Role.FAMILY)) {
            throw ProblemException.forbidden("Notification settings are a family member's own");
        }
    }
}
