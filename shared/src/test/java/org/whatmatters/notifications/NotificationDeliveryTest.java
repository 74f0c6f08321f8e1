package org.whatmatters.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.DeliveryStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.HeldNotificationStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.PushSubscriptionStore;
import org.whatmatters.data.SmsCountStore;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.data.UnsubscribeLinkStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Contact;
import org.whatmatters.domain.Delivery;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.PushSubscription;
import org.whatmatters.domain.QuietHours;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.json.Json;
import org.whatmatters.live.Effect;
import org.whatmatters.live.LiveMessage;
import org.whatmatters.live.UpdateType;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/**
 * From a live update to what each person is sent, on DynamoDB Local: who is told (linked now, as they chose),
 * quiet hours, exactly once per update, channel and person, and what stops a send at the last moment.
 */
class NotificationDeliveryTest {

    /** 10:00 in London: outside the default quiet hours. */
    static final Instant DAY = Instant.parse("2026-12-03T10:00:00Z");
    static final Instant NIGHT = Instant.parse("2026-12-03T23:30:00Z");

    private final TestTable table = new TestTable();
    private final DataTable data = table.data();
    private final RecordingChannels channels = new RecordingChannels();
    private final List<Notification> queued = new ArrayList<>();
    private final NotificationPreferencesStore preferences = new NotificationPreferencesStore(data);
    private final ContactStore contacts = new ContactStore(data);

    NotificationDeliveryTest() {
        People.seed(data);
        contacts.put(Contact.none("f-maria").withEmail("maria@example.org"));
        contacts.put(Contact.none("f-tom").withEmail("tom@example.org"));
        contacts.put(Contact.none("f-former").withEmail("jo@example.org"));
        new PushSubscriptionStore(data).put(new PushSubscription("f-maria", "ps-phone", "https://fcm.googleapis.com/x",
                "p", "a", DAY));
        for (String sub : List.of("f-maria", "f-tom", "f-former")) {
            preferences.put(NotificationPreferences.defaults(sub, sub.equals("f-tom") ? People.ARTHUR : People.ROSA)
                    .with(UpdateKind.ARRIVED, EnumSet.of(Channel.EMAIL, Channel.PUSH)));
        }
    }

    private NotificationPlanner planner(Instant now) {
        return new NotificationPlanner(new FamilyLinkStore(data), preferences, contacts, new HeldNotificationStore(data),
                queued::addAll, channels, name -> java.util.Optional.ofNullable(Map.of("TIME_ZONE", "Europe/London").get(name)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private NotificationSender sender() {
        return new NotificationSender(new FamilyLinkStore(data), new ClientStore(data), preferences, contacts,
                new PushSubscriptionStore(data), new SuppressionStore(data), new DeliveryStore(data),
                new UnsubscribeLinkStore(data), new SmsCountStore(data), new SmsBudget(new SmsCountStore(data),
                name -> java.util.Optional.ofNullable(Map.of("SMS_MONTHLY_SPEND_LIMIT", "0.12").get(name))),
                channels, name -> java.util.Optional.ofNullable(Map.of(
                "TIME_ZONE", "Europe/London", "WEB_URL", "https://web.example", "UNSUBSCRIBE_URL",
                "https://api.example/dev/notifications/unsubscribe", "SMS_PER_DAY", "2").get(name)),
                Clock.fixed(DAY, ZoneOffset.UTC));
    }

    static Effect.Publish arrival(String clientId, String updateId) {
        var data = Json.MAPPER.createObjectNode().put("visitId", "v-1").put("actualStart", "2026-12-03T09:02:00Z");
        data.putObject("checkedInBy").put("workerId", "w-amara").put("displayName", "Amara Okafor");
        data.put("whatMattered", "Rosa's knee hurt after the fall");
        return new Effect.Publish(new LiveMessage(UpdateType.VISIT_STARTED, updateId, DAY, clientId, data), null);
    }

    @Test
    void anArrivalReachesTheLinkedFamilyOnTheChannelsTheyChoseAndNobodyElse() {
        planner(DAY).plan(arrival(People.ROSA, "u-1"));
        assertEquals(Set.of("f-maria"), Set.copyOf(queued.stream().map(Notification::recipientId).toList()),
                "Tom is another client's family; Jo's link was revoked");
        assertEquals(Set.of(Channel.EMAIL, Channel.PUSH), Set.copyOf(queued.stream().map(Notification::channel).toList()));
        assertFalse(queued.getFirst().data().has("whatMattered"), "the queue carries only what the words use");
        queued.forEach(n -> assertEquals(NotificationSender.Outcome.DONE, sender().send(n)));

        var email = channels.to(Channel.EMAIL).getFirst();
        assertEquals("maria@example.org", email.to());
        assertEquals("Amara arrived to see Rosa at 09:02", email.subject());
        assertTrue(email.text().contains("https://web.example/family.html?client=c-rosa"));
        assertFalse(email.text().contains("knee"), "no health detail in a message");
        assertTrue(email.extra().startsWith("https://api.example/dev/notifications/unsubscribe?token="));
        var push = Json.read(channels.to(Channel.PUSH).getFirst().text(), com.fasterxml.jackson.databind.JsonNode.class);
        assertEquals("Amara arrived to see Rosa at 09:02", push.path("title").asText());
        assertEquals("u-1", push.path("updateId").asText());
    }

    @Test
    void theSameUpdateDeliveredAgainIsSentOnceAndAFailureForNowIsRetriedUntilSent() {
        planner(DAY).plan(arrival(People.ROSA, "u-2"));
        planner(DAY).plan(arrival(People.ROSA, "u-2"));
        assertEquals(4, queued.size(), "planned twice (a retried stream batch)");
        channels.next = () -> new SendResult.Failed("throttled");
        Notification email = queued.stream().filter(n -> n.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertEquals(NotificationSender.Outcome.RETRY, sender().send(email));
        channels.next = () -> new SendResult.Sent("m-1");
        queued.forEach(n -> assertEquals(NotificationSender.Outcome.DONE, sender().send(n)));
        assertEquals(2, channels.to(Channel.EMAIL).size(), "one failed try, then one send");
        assertEquals(1, channels.to(Channel.PUSH).size());
        assertEquals(Delivery.Status.SENT, new DeliveryStore(data).find("f-maria", "u-2", Channel.EMAIL).orElseThrow().status());
    }

    @Test
    void aSendWhoseOutcomeIsUnknownIsNotSentAgain() {
        planner(DAY).plan(arrival(People.ROSA, "u-3"));
        Notification email = queued.stream().filter(n -> n.channel() == Channel.EMAIL).findFirst().orElseThrow();
        channels.next = () -> new SendResult.Unknown("timed out");
        assertEquals(NotificationSender.Outcome.DONE, sender().send(email));
        channels.next = () -> new SendResult.Sent("m-2");
        assertEquals(NotificationSender.Outcome.DONE, sender().send(email));
        assertEquals(1, channels.to(Channel.EMAIL).size());
    }

    @Test
    void revokingTheLinkOrUnsubscribingAfterPlanningStopsTheSend() {
        planner(DAY).plan(arrival(People.ROSA, "u-4"));
        var links = new FamilyLinkStore(data);
        links.revoke(links.find(People.ROSA, "f-maria").orElseThrow(), DAY);
        queued.forEach(n -> sender().send(n));
        assertEquals(List.of(), channels.sent, "a revoked family member is told nothing");
        assertTrue(new DeliveryStore(data).of("f-maria").isEmpty(), "and nothing is claimed");
    }

    @Test
    void oneClickUnsubscribeTurnsOffThatKindOnThatChannelOnly() {
        planner(DAY).plan(arrival(People.ROSA, "u-5"));
        queued.forEach(n -> sender().send(n));
        String url = channels.to(Channel.EMAIL).getFirst().extra();
        String token = url.substring(url.indexOf("token=") + 6);
        var unsubscribe = new OneClickUnsubscribe(new UnsubscribeLinkStore(data), preferences, Clock.fixed(DAY, ZoneOffset.UTC));
        assertTrue(unsubscribe.find("not-a-token-at-all-000").isEmpty());
        assertEquals(UpdateKind.ARRIVED, unsubscribe.apply(token).orElseThrow().kind());
        assertTrue(unsubscribe.apply(token).isPresent(), "twice is the same");
        var now = preferences.of("f-maria", People.ROSA);
        assertEquals(Set.of(Channel.PUSH), now.channels().get(UpdateKind.ARRIVED));
        assertEquals(Set.of(Channel.EMAIL), now.channels().get(UpdateKind.SURVEY_OPEN), "other kinds untouched");

        queued.clear();
        channels.sent.clear();
        planner(DAY).plan(arrival(People.ROSA, "u-6"));
        queued.forEach(n -> sender().send(n));
        assertEquals(List.of(Channel.PUSH), channels.sent.stream().map(RecordingChannels.Sent::channel).toList());
    }

    @Test
    void quietHoursHoldAStoryToTheMorningOrDropIt() {
        var story = Json.MAPPER.createObjectNode().put("storyId", "s-1").put("authorName", "Ben Shaw").put("title", "t");
        var update = new Effect.Publish(new LiveMessage(UpdateType.STORY_SHARED, "u-7", NIGHT, People.ROSA, story), null);
        preferences.put(preferences.of("f-maria", People.ROSA).with(UpdateKind.STORY_SHARED, EnumSet.of(Channel.EMAIL)));
        planner(NIGHT).plan(update);
        assertEquals(List.of(), queued, "held, not sent at 23:30");
        assertEquals(0, planner(Instant.parse("2026-12-04T07:59:00Z")).release());
        assertEquals(1, planner(Instant.parse("2026-12-04T08:00:00Z")).release(), "released at 08:00 London");
        assertEquals(List.of("u-7"), queued.stream().map(Notification::updateId).toList());
        assertEquals(0, planner(Instant.parse("2026-12-04T08:05:00Z")).release(), "released once");

        queued.clear();
        preferences.put(new NotificationPreferences("f-maria", People.ROSA, preferences.of("f-maria", People.ROSA).channels(),
                new QuietHours(QuietHours.DEFAULT.from(), QuietHours.DEFAULT.until(), false)));
        planner(NIGHT).plan(new Effect.Publish(new LiveMessage(UpdateType.STORY_SHARED, "u-8", NIGHT, People.ROSA, story), null));
        assertEquals(0, planner(Instant.parse("2026-12-04T09:00:00Z")).release(), "dropped, as chosen");
        assertEquals(List.of(), queued);
    }

    @Test
    void aBouncedOrComplainedAddressAndAStoppedNumberAreSentNothingMore() {
        var feedback = new DeliveryFeedback(new SuppressionStore(data), Clock.fixed(DAY, ZoneOffset.UTC));
        feedback.handle("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":[{\"emailAddress\":\"maria@example.org\"}]}}");
        planner(DAY).plan(arrival(People.ROSA, "u-9"));
        queued.forEach(n -> sender().send(n));
        assertEquals(1, channels.to(Channel.EMAIL).size(), "a transient bounce suppresses nothing");

        feedback.handle("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"Maria@Example.org\"}]}}");
        queued.clear();
        planner(DAY).plan(arrival(People.ROSA, "u-10"));
        queued.forEach(n -> sender().send(n));
        assertEquals(1, channels.to(Channel.EMAIL).size(), "a permanent bounce suppresses the address");
        assertEquals(2, channels.to(Channel.PUSH).size(), "but not the other channels");

        feedback.handle("{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"tom@example.org\"}]}}");
        assertTrue(new SuppressionStore(data).find(Channel.EMAIL, "tom@example.org").isPresent());

        feedback.handle("{\"originationNumber\":\"+447700900123\",\"messageBody\":\" stop please\"}");
        feedback.handle("{\"originationNumber\":\"+447700900456\",\"messageBody\":\"Thanks, lovely\"}");
        assertTrue(new SuppressionStore(data).find(Channel.SMS, "+447700900123").isPresent());
        assertFalse(new SuppressionStore(data).find(Channel.SMS, "+447700900456").isPresent());
        feedback.handle("{\"originationNumber\":\"+447700900123\",\"messageBody\":\"START\"}");
        assertFalse(new SuppressionStore(data).find(Channel.SMS, "+447700900123").isPresent(), "START opts in again");
        feedback.handle("not json");
    }

    @Test
    void smsStaysWithinThePersonsDailyCount() {
        contacts.put(contacts.of("f-maria").withPending(new Contact.PhoneCheck("+447700900123", "h", DAY, 0), null, 0)
                .verified(DAY));
        preferences.put(preferences.of("f-maria", People.ROSA).with(UpdateKind.ARRIVED, EnumSet.of(Channel.SMS)));
        for (int i = 0; i < 3; i++) {
            planner(DAY).plan(arrival(People.ROSA, "u-s" + i));
        }
        queued.forEach(n -> sender().send(n));
        assertEquals(2, channels.to(Channel.SMS).size(), "SMS_PER_DAY is 2");
        assertTrue(channels.to(Channel.SMS).getFirst().text().startsWith("Amara arrived to see Rosa at 09:02."));
    }

    @Test
    void aFailureBeforeTheProviderIsCalledIsRetriedNotLostAsInDoubt() {
        planner(DAY).plan(arrival(People.ROSA, "u-12"));
        Notification email = queued.stream().filter(n -> n.channel() == Channel.EMAIL).findFirst().orElseThrow();
        channels.next = () -> {
            throw new IllegalStateException("SSM unreachable");
        };
        assertEquals(NotificationSender.Outcome.RETRY, sender().send(email));
        channels.next = () -> new SendResult.Sent("m-12");
        assertEquals(NotificationSender.Outcome.DONE, sender().send(email));
        assertEquals(Delivery.Status.SENT, new DeliveryStore(data).find("f-maria", "u-12", Channel.EMAIL).orElseThrow().status());
    }

    @Test
    void smsPartsAreCountedAsTheNetworkCountsThem() {
        assertEquals(1, SmsBudget.parts("a".repeat(160)));
        assertEquals(2, SmsBudget.parts("a".repeat(161)));
        assertEquals(1, SmsBudget.parts("Siobhán arrived".repeat(4)), "á is not GSM: 70 a part");
        assertEquals(2, SmsBudget.parts("Siobhán arrived ".repeat(5)));
        var free = new SmsBudget(new SmsCountStore(data), name -> java.util.Optional.ofNullable(
                Map.of("SMS_PRICE_PER_PART", "0").get(name)));
        assertFalse(free.take(1, DAY), "a price of 0 buys nothing, rather than failing");
    }

    @Test
    void theMonthsBudgetStopsSmsWhenSpent() {
        contacts.put(contacts.of("f-maria").withPending(new Contact.PhoneCheck("+447700900123", "h", DAY, 0), null, 0)
                .verified(DAY));
        contacts.put(contacts.of("f-tom").withPending(new Contact.PhoneCheck("+447700900456", "h", DAY, 0), null, 0)
                .verified(DAY));
        preferences.put(preferences.of("f-maria", People.ROSA).with(UpdateKind.ARRIVED, EnumSet.of(Channel.SMS)));
        preferences.put(preferences.of("f-tom", People.ARTHUR).with(UpdateKind.ARRIVED, EnumSet.of(Channel.SMS)));
        planner(DAY).plan(arrival(People.ROSA, "u-b1"));
        planner(DAY).plan(arrival(People.ARTHUR, "u-b2"));
        planner(DAY).plan(arrival(People.ROSA, "u-b3"));
        planner(DAY).plan(arrival(People.ARTHUR, "u-b4"));
        queued.forEach(n -> sender().send(n));
        assertEquals(3, channels.to(Channel.SMS).size(), "0.12 a month at 0.04 a part: three parts");
    }

    @Test
    void aGonePushSubscriptionIsForgotten() {
        planner(DAY).plan(arrival(People.ROSA, "u-11"));
        channels.next = () -> new SendResult.Rejected("410", true);
        queued.stream().filter(n -> n.channel() == Channel.PUSH).forEach(n -> sender().send(n));
        assertEquals(List.of(), new PushSubscriptionStore(data).of("f-maria"));
    }
}
