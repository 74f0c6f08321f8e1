package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.whatmatters.notifications.push.Base64Url;
import java.util.List;
import java.util.Optional;
import org.whatmatters.config.Env;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.DeliveryStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.PushSubscriptionStore;
import org.whatmatters.data.SmsCountStore;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.data.UnsubscribeLinkStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contact;
import org.whatmatters.domain.Delivery;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.PushSubscription;
import org.whatmatters.domain.UnsubscribeLink;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;
import org.whatmatters.ops.Metric;

/**
 * Sends one queued notification, once. Everything is checked again at the moment of sending: the family link
 * (revoked: nothing more), the person's choice (unsubscribed since: nothing), the address (suppressed: nothing).
 * A claim is written before the send; a claim already there means it was sent, or its outcome is unknown and
 * it is not sent again (see docs/notifications.md for that choice).
 */
@Singleton
public final class NotificationSender {

    /** What became of one message: done (sent, or nothing to send), or to be retried by the queue. */
    public enum Outcome { DONE, RETRY }

    static final Duration UNSUBSCRIBE_KEPT = Duration.ofDays(365);

    private final FamilyLinkStore links;
    private final ClientStore clients;
    private final NotificationPreferencesStore preferences;
    private final ContactStore contacts;
    private final PushSubscriptionStore subscriptions;
    private final SuppressionStore suppressions;
    private final DeliveryStore deliveries;
    private final UnsubscribeLinkStore unsubscribes;
    private final SmsCountStore smsCounts;
    private final Channels channels;
    private final MessageText text;
    private final String unsubscribeUrl;
    private final int smsPerDay;
    private final SmsBudget budget;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public NotificationSender(FamilyLinkStore links, ClientStore clients, NotificationPreferencesStore preferences,
                              ContactStore contacts, PushSubscriptionStore subscriptions, SuppressionStore suppressions,
                              DeliveryStore deliveries, UnsubscribeLinkStore unsubscribes, SmsCountStore smsCounts,
                              SmsBudget budget, Channels channels, Env env, Clock clock) {
        this.links = links;
        this.clients = clients;
        this.preferences = preferences;
        this.contacts = contacts;
        this.subscriptions = subscriptions;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.unsubscribes = unsubscribes;
        this.smsCounts = smsCounts;
        this.budget = budget;
        this.channels = channels;
        this.text = new MessageText(env.zone(), env.get("WEB_URL").orElse(""));
        this.unsubscribeUrl = env.get("UNSUBSCRIBE_URL").orElse("");
        this.smsPerDay = env.get("SMS_PER_DAY").map(Integer::parseInt).orElse(10);
        this.clock = clock;
    }

    public Outcome send(Notification n) {
        Optional<FamilyLink> link = links.find(n.clientId(), n.recipientId()).filter(FamilyLink::active);
        Optional<Client> client = clients.find(n.clientId());
        if (link.isEmpty() || client.isEmpty()) {
            Log.info("not sent: no active link", "update", n.updateId());
            return Outcome.DONE;
        }
        Contact contact = contacts.of(n.recipientId());
        if (!preferences.of(n.recipientId(), n.clientId()).channelsFor(n.kind(), contact.smsVerified())
                .contains(n.channel())) {
            Log.info("not sent: no longer chosen", "update", n.updateId(), "channel", n.channel().toString());
            return Outcome.DONE;
        }
        String address = switch (n.channel()) {
            case EMAIL -> contact.email();
            case SMS -> contact.smsVerified() ? contact.phone() : null;
            case PUSH -> n.recipientId();
        };
        if (address == null) {
            Metric.NOTIFICATIONS_UNREACHABLE.add();
            return Outcome.DONE;
        }
        if (n.channel() != Channel.PUSH && suppressions.find(n.channel(), address).isPresent()) {
            (n.channel() == Channel.EMAIL ? Metric.EMAIL_SUPPRESSED : Metric.SMS_SUPPRESSED).add();
            return Outcome.DONE;
        }
        Instant now = clock.instant();
        // Everything that can fail before the provider is called is done before the claim.
        RenderedMessage message = text.render(n, firstName(client.get().displayName()));
        String unsubscribe = n.channel() == Channel.EMAIL ? unsubscribeLink(n, now) : null;
        Delivery claim = new Delivery(n.recipientId(), n.updateId(), n.channel(), Delivery.Status.SENDING,
                n.clientId(), n.kind(), now, null);
        switch (deliveries.claim(claim)) {
            case ALREADY_SENT -> {
                return Outcome.DONE;
            }
            case IN_DOUBT -> {
                Metric.NOTIFICATIONS_IN_DOUBT.add();
                Log.warn("not sent again: an earlier attempt's outcome is unknown", "update", n.updateId(),
                        "channel", n.channel().toString());
                return Outcome.DONE;
            }
            case CLAIMED -> { }
        }
        SendResult result;
        try {
            result = switch (n.channel()) {
                case EMAIL -> channels.email(address, message, unsubscribe);
                case SMS -> sms(n, address, message, now);
                case PUSH -> push(n, message);
            };
        } catch (RuntimeException e) {
            // The channels answer every provider outcome themselves: an exception here came before a send.
            result = new SendResult.Failed(e.getClass().getSimpleName());
        }
        return settle(claim, result);
    }

    private Outcome settle(Delivery claim, SendResult result) {
        Instant now = clock.instant();
        Channel c = claim.channel();
        return switch (result) {
            case SendResult.Sent s -> {
                deliveries.settle(claim, Delivery.Status.SENT, s.messageId(), now);
                (c == Channel.EMAIL ? Metric.EMAIL_SENT : c == Channel.SMS ? Metric.SMS_SENT : Metric.WEB_PUSH_SENT).add();
                yield Outcome.DONE;
            }
            case SendResult.Failed f -> {
                deliveries.settle(claim, Delivery.Status.FAILED, f.why(), now);
                failed(c);
                Log.warn("send failed; will be retried: " + f.why(), "update", claim.updateId(), "channel", c.toString());
                yield Outcome.RETRY;
            }
            case SendResult.Rejected r -> {
                // Kept as SENT-like for good: FAILED would let a retry claim it again.
                deliveries.settle(claim, Delivery.Status.SENT, "rejected: " + r.why(), now);
                failed(c);
                yield Outcome.DONE;
            }
            case SendResult.Unknown u -> {
                Metric.NOTIFICATIONS_IN_DOUBT.add();
                Log.warn("outcome unknown; not sent again: " + u.why(), "update", claim.updateId(), "channel", c.toString());
                yield Outcome.DONE;
            }
        };
    }

    private static void failed(Channel c) {
        (c == Channel.EMAIL ? Metric.EMAIL_FAILED : c == Channel.SMS ? Metric.SMS_FAILED : Metric.WEB_PUSH_FAILED).add();
    }

    private String unsubscribeLink(Notification n, Instant now) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64Url.encode(bytes);
        unsubscribes.put(new UnsubscribeLink(token, n.recipientId(), n.clientId(), n.kind(), n.channel(),
                now.plus(UNSUBSCRIBE_KEPT)));
        return unsubscribeUrl + "?token=" + token;
    }

    /** Within the person's daily count and the stack's monthly parts (the spend limit), or not sent at all. */
    private SendResult sms(Notification n, String phone, RenderedMessage m, Instant now) {
        int parts = SmsBudget.parts(m.sms());
        String person = n.recipientId() + "#" + LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!smsCounts.tryAdd(person, 1, smsPerDay, now.plus(Duration.ofDays(2)))) {
            return new SendResult.Rejected("daily SMS limit of " + smsPerDay + " reached", false);
        }
        if (!budget.take(parts, now)) {
            smsCounts.giveBack(person, 1);
            return new SendResult.Rejected("monthly SMS spend limit reached", false);
        }
        SendResult r = channels.sms(phone, m.sms());
        if (!(r instanceof SendResult.Sent) && !(r instanceof SendResult.Unknown)) {
            smsCounts.giveBack(person, 1);
            budget.giveBack(parts, now);
        }
        return r;
    }

    /** To every browser the person subscribed; sent if any took it, retried only if one failed for now. */
    private SendResult push(Notification n, RenderedMessage m) {
        List<PushSubscription> devices = subscriptions.of(n.recipientId());
        if (devices.isEmpty()) {
            return new SendResult.Rejected("no browser subscribed", false);
        }
        String payload = Json.write(new PushPayload(m.pushTitle(), m.pushBody(), m.url(), n.updateId(), n.kind().toString()));
        SendResult worst = null;
        StringBuilder sent = new StringBuilder();
        for (PushSubscription d : devices) {
            SendResult r = channels.push(d, payload, n.kind().urgent());
            switch (r) {
                case SendResult.Sent s -> sent.append(sent.isEmpty() ? "" : ",").append(d.subscriptionId());
                case SendResult.Rejected rej when rej.gone() -> {
                    subscriptions.remove(n.recipientId(), d.subscriptionId());
                    Metric.WEB_PUSH_GONE.add();
                }
                default -> worst = worst instanceof SendResult.Failed ? worst : r;
            }
        }
        if (worst instanceof SendResult.Failed f && sent.isEmpty()) {
            return f;
        }
        return !sent.isEmpty() ? new SendResult.Sent(sent.toString())
                : worst != null ? worst : new SendResult.Rejected("every subscription was gone", false);
    }

    /** What the service worker shows: title, body, and the page to open. */
    public record PushPayload(String title, String body, String url, String updateId, String kind) {
    }

    private static String firstName(String name) {
        return name == null || name.isBlank() ? "your relative" : name.strip().split("\\s+")[0];
    }
}
