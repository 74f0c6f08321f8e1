package org.whatmatters.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.PushSubscriptionStore;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Suppression;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.notifications.push.PushKeys;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** A family member's own settings on DynamoDB Local: choices per linked person, browsers, a verified number. */
class NotificationSettingsTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final TestTable table = new TestTable();
    private final RecordingChannels channels = new RecordingChannels(Channel.EMAIL, Channel.SMS, Channel.PUSH);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final NotificationSettings settings;
    private final PushDevices devices;
    private final PhoneVerification phone;

    NotificationSettingsTest() {
        People.seed(table.data());
        var data = table.data();
        settings = new NotificationSettings(new FamilyLinkStore(data), new ClientStore(data),
                new NotificationPreferencesStore(data), new ContactStore(data), new PushSubscriptionStore(data),
                new SuppressionStore(data), channels, table.env());
        devices = new PushDevices(new PushSubscriptionStore(data), name -> java.util.Optional.ofNullable(
                Map.of("PUSH_SERVICES", "fcm.googleapis.com,*.push.apple.com,http://127.0.0.1:9").get(name)), clock);
        phone = new PhoneVerification(new ContactStore(data), new SuppressionStore(data), settings, channels,
                new SmsBudget(new org.whatmatters.data.SmsCountStore(data), table.env()), table.env(), clock);
    }

    static Caller caller(Map<String, String> claims, String email) {
        Map<String, String> c = new HashMap<>(claims);
        if (email != null) {
            c.put("email", email);
            c.put("email_verified", "true");
        }
        return Caller.fromClaims(c);
    }

    private static final Caller MARIA = caller(People.MARIA, "maria@example.org");

    @Test
    void aFamilyMemberSeesTheDefaultsForThePeopleTheyAreLinkedToNowAndTheirVerifiedEmail() {
        SettingsView v = settings.view(MARIA);
        assertEquals(List.of(People.ROSA), v.people().stream().map(SettingsView.PersonChoices::clientId).toList());
        var rosa = v.people().getFirst();
        assertEquals("Rosa Bennett", rosa.clientName());
        assertEquals(Set.of(Channel.PUSH), rosa.channels().get(UpdateKind.ARRIVED));
        assertEquals(Set.of(Channel.EMAIL), rosa.channels().get(UpdateKind.SURVEY_OPEN));
        assertEquals(Set.of(), rosa.channels().get(UpdateKind.STORY_SHARED).stream()
                .filter(c -> c == Channel.SMS).collect(java.util.stream.Collectors.toSet()), "no SMS by default");
        assertEquals(new SettingsView.QuietHoursView("21:00", "08:00", true), rosa.quietHours());
        assertEquals("maria@example.org", v.contact().email());
        assertEquals(UpdateKind.values().length, rosa.channels().size(), "every kind is listed");
        assertEquals("BPublicKey", v.vapidPublicKey());

        var former = settings.view(caller(People.FORMER, null));
        assertEquals(List.of(), former.people(), "a revoked link shows nobody");
        assertNull(former.contact().email(), "no address without a verified one in the token");
    }

    @Test
    void choicesAreSavedPerPersonAndKindsLeftOutKeepTheirs() {
        var saved = settings.update(MARIA, new PreferencesChoice(People.ROSA,
                Map.of("arrived", List.of("email", "push"), "story-shared", List.of()),
                new PreferencesChoice.QuietHoursChoice("22:30", "07:00", false)));
        assertEquals(Set.of(Channel.EMAIL, Channel.PUSH), saved.channels().get(UpdateKind.ARRIVED));
        assertEquals(Set.of(), saved.channels().get(UpdateKind.STORY_SHARED));
        assertEquals(Set.of(Channel.EMAIL), saved.channels().get(UpdateKind.SURVEY_OPEN), "left out: kept");
        assertEquals(new SettingsView.QuietHoursView("22:30", "07:00", false), saved.quietHours());
        assertEquals(saved, settings.view(MARIA).people().getFirst());
    }

    @Test
    void anotherPersonsClientOrARevokedLinkIsNotFoundAndWritesNothing() {
        for (var who : List.of(caller(People.TOM, null), caller(People.FORMER, null))) {
            var before = table.snapshot();
            ProblemException e = assertThrows(ProblemException.class, () -> settings.update(who,
                    new PreferencesChoice(People.ROSA, Map.of("arrived", List.of("email")), null)));
            assertEquals(404, e.problem().status());
            assertEquals(before, table.snapshot());
        }
        ProblemException e = assertThrows(ProblemException.class, () -> settings.view(caller(People.AMARA, null)));
        assertEquals(403, e.problem().status(), "a worker has no family settings");
    }

    @Test
    void badChoicesAreNamedByFieldAndWriteNothing() {
        settings.view(MARIA);
        var before = table.snapshot();
        ProblemException e = assertThrows(ProblemException.class, () -> settings.update(MARIA, new PreferencesChoice(
                People.ROSA, Map.of("arrivals", List.of("email"), "arrived", List.of("pigeon"),
                "story-shared", List.of("sms"), "survey-open", List.of("email", "email")),
                new PreferencesChoice.QuietHoursChoice("25:00", "7am", null))));
        assertEquals(400, e.problem().status());
        var fields = e.problem().errors().stream().map(org.whatmatters.problem.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("channels.arrivals", "channels.arrived", "channels.story-shared",
                "channels.survey-open", "quietHours.from", "quietHours.until", "quietHours.holdUntilMorning")), fields::toString);
        assertEquals(before, table.snapshot());
        assertEquals(400, assertThrows(ProblemException.class, () -> settings.update(MARIA,
                new PreferencesChoice("../x", null, null))).problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> settings.update(MARIA,
                new PreferencesChoice(People.ROSA, null, new PreferencesChoice.QuietHoursChoice("21:00", "21:00", true))))
                .problem().status(), "an empty quiet period");
    }

    @Test
    void aChannelTheProviderDoesNotOfferCannotBeChosen() {
        var emailOnly = new NotificationSettings(new FamilyLinkStore(table.data()), new ClientStore(table.data()),
                new NotificationPreferencesStore(table.data()), new ContactStore(table.data()),
                new PushSubscriptionStore(table.data()), new SuppressionStore(table.data()),
                new RecordingChannels(Channel.EMAIL), table.env());
        ProblemException e = assertThrows(ProblemException.class, () -> emailOnly.update(MARIA,
                new PreferencesChoice(People.ROSA, Map.of("arrived", List.of("push")), null)));
        assertEquals("channels.arrived", e.problem().errors().getFirst().field());
    }

    @Test
    void aNumberIsUsedOnlyOnceItsCodeCameBackAndAStopIsUndoneByVerifyingAgain() {
        new SuppressionStore(table.data()).put(new Suppression(Channel.SMS, "+447700900123", Suppression.Reason.OPT_OUT, NOW));
        var pending = phone.start(MARIA, new PhoneNumber("+447700900123", null));
        assertEquals("+447700900123", pending.pendingPhone());
        assertFalse(pending.phoneVerified());
        String text = channels.to(Channel.SMS).getFirst().text();
        String code = text.replaceAll("\\D*(\\d{6}).*", "$1");
        assertEquals("+447700900123", channels.to(Channel.SMS).getFirst().to());

        ProblemException smsFirst = assertThrows(ProblemException.class, () -> settings.update(MARIA,
                new PreferencesChoice(People.ROSA, Map.of("arrived", List.of("sms")), null)));
        assertEquals(400, smsFirst.problem().status(), "SMS before the number is verified");

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(400, assertThrows(ProblemException.class, () -> phone.verify(MARIA, new PhoneNumber(null, wrong)))
                .problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> phone.verify(caller(People.TOM, null),
                new PhoneNumber(null, "12345"))).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> phone.verify(caller(People.TOM, null),
                new PhoneNumber(null, code))).problem().status(), "Maria's code is not Tom's");

        var verified = phone.verify(MARIA, new PhoneNumber(null, code));
        assertTrue(verified.phoneVerified());
        assertFalse(verified.smsStopped(), "verifying again undoes the earlier STOP");
        var chosen = settings.update(MARIA, new PreferencesChoice(People.ROSA, Map.of("arrived", List.of("sms")), null));
        assertEquals(Set.of(Channel.SMS), chosen.channels().get(UpdateKind.ARRIVED));

        phone.remove(MARIA);
        assertFalse(settings.view(MARIA).contact().phoneVerified());
    }

    @Test
    void guessesInParallelShareTheFiveTriesAndAfterThemEvenTheRightCodeIsRefused() throws Exception {
        phone.start(MARIA, new PhoneNumber("+447700900123", null));
        String code = channels.to(Channel.SMS).getFirst().text().replaceAll("\\D*(\\d{6}).*", "$1");
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        try (var guesses = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String guess = "%06d".formatted((Integer.parseInt(code) + 1 + i) % 1_000_000);
                guesses.submit(() -> {
                    try {
                        phone.verify(MARIA, new PhoneNumber(null, guess));
                    } catch (ProblemException e) {
                        (e.problem().status() == 400 ? wrong : refused).incrementAndGet();
                    }
                });
            }
        }
        assertEquals(PhoneVerification.ATTEMPTS, wrong.get(), "only five guesses were compared");
        assertEquals(20 - PhoneVerification.ATTEMPTS, refused.get());
        assertEquals(409, assertThrows(ProblemException.class, () -> phone.verify(MARIA, new PhoneNumber(null, code)))
                .problem().status(), "the tries are used up: a new code is needed");
    }

    @Test
    void onlyNumbersOfTheCountriesTheProviderTextsAreTaken() {
        ProblemException abroad = assertThrows(ProblemException.class, () -> phone.start(MARIA,
                new PhoneNumber("+88216123456", null)));
        assertEquals("phone", abroad.problem().errors().getFirst().field());
        assertEquals(List.of(), channels.sent, "nothing sent to a premium number abroad");
    }

    @Test
    void aBrowserBelongsToOnePersonOnly() {
        PushKeys keys = PushKeys.generate();
        var tablet = new NewPushSubscription("https://fcm.googleapis.com/fcm/send/shared-tablet", null,
                new NewPushSubscription.Keys(keys.p256dh(), keys.authBase64()));
        devices.subscribe(MARIA, tablet);
        devices.subscribe(caller(People.TOM, null), tablet);
        assertEquals(List.of(), settings.view(MARIA).pushSubscriptions(), "Maria's updates no longer go to Tom's tablet");
        assertEquals(1, settings.view(caller(People.TOM, null)).pushSubscriptions().size());
    }

    @Test
    void codesAreLimitedPerDayAndBadNumbersRefused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> phone.start(MARIA, new PhoneNumber("07700 900123", null)))
                .problem().status());
        for (int i = 0; i < PhoneVerification.CODES_PER_DAY; i++) {
            phone.start(MARIA, new PhoneNumber("+447700900123", null));
        }
        assertEquals(429, assertThrows(ProblemException.class, () -> phone.start(MARIA, new PhoneNumber("+447700900123", null)))
                .problem().status());
        assertEquals(PhoneVerification.CODES_PER_DAY, channels.to(Channel.SMS).size());
    }

    @Test
    void browsersSubscribeOnlyAtAPushServiceAndOnlyTheirOwnerRemovesThem() {
        PushKeys keys = PushKeys.generate();
        var sub = new NewPushSubscription("https://fcm.googleapis.com/fcm/send/abc", null,
                new NewPushSubscription.Keys(keys.p256dh(), keys.authBase64()));
        var device = devices.subscribe(MARIA, sub);
        assertEquals("fcm.googleapis.com", device.pushService());
        assertEquals(device.subscriptionId(), devices.subscribe(MARIA, sub).subscriptionId(), "the same browser again");
        assertEquals(1, settings.view(MARIA).pushSubscriptions().size());

        for (String endpoint : List.of("http://fcm.googleapis.com/x", "https://169.254.169.254/latest", "https://evil.example/x",
                "https://fcm.googleapis.com.evil.example/x", "https://user@fcm.googleapis.com/x", "https://fcm.googleapis.com:8443/x",
                "ftp://fcm.googleapis.com/x", "not a url")) {
            ProblemException e = assertThrows(ProblemException.class, () -> devices.subscribe(MARIA,
                    new NewPushSubscription(endpoint, null, sub.keys())), endpoint);
            assertEquals("endpoint", e.problem().errors().getFirst().field(), endpoint);
        }
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        ProblemException badKeys = assertThrows(ProblemException.class, () -> devices.subscribe(MARIA,
                new NewPushSubscription("https://web.push.apple.com/x", null, new NewPushSubscription.Keys(
                        java.util.Base64.getUrlEncoder().encodeToString(offCurve), "c2hvcnQ"))));
        assertEquals(Set.of("keys.p256dh", "keys.auth"), Set.copyOf(badKeys.problem().errors().stream()
                .map(org.whatmatters.problem.FieldError::field).toList()));

        assertEquals(404, assertThrows(ProblemException.class, () -> devices.unsubscribe(caller(People.TOM, null),
                device.subscriptionId())).problem().status(), "Tom cannot remove Maria's browser");
        assertEquals(1, settings.view(MARIA).pushSubscriptions().size());
        devices.unsubscribe(MARIA, device.subscriptionId());
        assertEquals(List.of(), settings.view(MARIA).pushSubscriptions());
    }

    @Test
    void aPersonKeepsAtMostTenBrowsersTheOldestForgotten() {
        PushKeys keys = PushKeys.generate();
        for (int i = 0; i < PushDevices.MAX_DEVICES + 2; i++) {
            Clock at = Clock.fixed(NOW.plusSeconds(i), ZoneOffset.UTC);
            new PushDevices(new PushSubscriptionStore(table.data()), table.env(), at).subscribe(MARIA,
                    new NewPushSubscription("https://fcm.googleapis.com/fcm/send/" + i, null,
                            new NewPushSubscription.Keys(keys.p256dh(), keys.authBase64())));
        }
        var kept = new PushSubscriptionStore(table.data()).of("f-maria");
        assertEquals(PushDevices.MAX_DEVICES, kept.size());
        assertTrue(kept.getFirst().endpoint().endsWith("/2"), "the two oldest went");
    }
}
