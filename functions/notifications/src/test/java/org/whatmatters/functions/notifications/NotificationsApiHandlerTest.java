package org.whatmatters.functions.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.push.PushKeys;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.ApiFixture.Reply;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** The settings routes through the HTTP adapter on DynamoDB Local: bad input, other people's ids, the roles. */
class NotificationsApiHandlerTest {

    private static final PushKeys KEYS = PushKeys.generate();

    private final NotificationsApi api = new NotificationsApi(new TestTable());

    /** E-mail on (the identity is all the settings read), no SMS, no push: as a stack may be configured. */
    static final class NotificationsApi extends ApiFixture {
        NotificationsApi(TestTable table) {
            super(table, new NotificationsApiHandler(NotificationsApiComponent.create(env(table))));
            People.seed(table.data());
        }

        private static Env env(TestTable table) {
            Map<String, String> env = new HashMap<>(table.envMap());
            env.put("EMAIL_FROM", "care@riverside.example");
            return Env.of(env);
        }
    }

    private static HttpEvents put(Map<String, String> as, String body) {
        return HttpEvents.route("PUT /me/notification-preferences").as(as).body(body);
    }

    private static String subscription(String endpoint) {
        return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + KEYS.p256dh()
                + "\",\"auth\":\"" + KEYS.authBase64() + "\"}}";
    }

    @Test
    void aFamilyMemberReadsAndChangesTheirOwnChoices() {
        Reply before = api.expect(200, HttpEvents.route("GET /me/notification-preferences").as(People.MARIA));
        assertEquals(List.of("email"), List.of(before.json().path("channelsAvailable").get(0).asText()));
        assertEquals("c-rosa", before.json().at("/people/0/clientId").asText());
        Reply saved = api.expect(200, put(People.MARIA, "{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":[\"email\"]},"
                + "\"quietHours\":{\"from\":\"22:00\",\"until\":\"07:30\",\"holdUntilMorning\":false}}"));
        assertEquals("email", saved.json().at("/channels/arrived/0").asText());
        assertEquals("07:30", saved.json().at("/quietHours/until").asText());
        Reply after = api.expect(200, HttpEvents.route("GET /me/notification-preferences").as(People.MARIA));
        assertEquals(saved.json(), after.json().at("/people/0"));
        Reply tom = api.expect(200, HttpEvents.route("GET /me/notification-preferences").as(People.TOM));
        assertEquals("c-arthur", tom.json().at("/people/0/clientId").asText(), "Tom sees only his own person");
        assertEquals(1, tom.json().path("people").size());
    }

    static List<Arguments> badBodies() {
        return List.of(
                Arguments.of("{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":[\"push\"]}}", "channels.arrived"),
                Arguments.of("{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":[\"sms\"]}}", "channels.arrived"),
                Arguments.of("{\"clientId\":\"c-rosa\",\"channels\":{\"arrival\":[\"email\"]}}", "channels.arrival"),
                Arguments.of("{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":null}}", "channels.arrived"),
                Arguments.of("{\"clientId\":\"c-rosa\",\"quietHours\":{\"from\":\"9pm\",\"until\":\"08:00\",\"holdUntilMorning\":true}}", "quietHours.from"),
                Arguments.of("{\"clientId\":\"c-rosa\",\"quietHours\":{\"from\":\"21:00\",\"until\":\"08:00\"}}", "quietHours.holdUntilMorning"),
                Arguments.of("{\"channels\":{}}", "clientId"),
                Arguments.of("{\"clientId\":\"c rosa\"}", "clientId"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badChoicesAreRefusedByFieldAndWriteNothing(String body, String field) {
        api.expectRejected(put(People.MARIA, body), 400, field);
    }

    @Test
    void malformedOrUnknownBodiesAreRefused() {
        api.expectRejected(put(People.MARIA, "{\"clientId\":\"c-rosa\",\"extra\":1}"), 400, null);
        api.expectRejected(put(People.MARIA, "{not json"), 400, null);
        api.expectRejected(put(People.MARIA, "[]"), 400, null);
        api.expectRejected(HttpEvents.route("PUT /me/notification-preferences").as(People.MARIA)
                .header("content-type", "text/plain").body("x"), 415, null);
    }

    @Test
    void nobodyChangesChoicesAboutSomeoneTheyAreNotLinkedTo() {
        api.expectRejected(put(People.TOM, "{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":[\"email\"]}}"), 404, null);
        api.expectRejected(put(People.FORMER, "{\"clientId\":\"c-rosa\",\"channels\":{\"arrived\":[\"email\"]}}"), 404, null);
        api.expectRejected(put(People.MARIA, "{\"clientId\":\"c-nobody\",\"channels\":{\"arrived\":[\"email\"]}}"), 404, null);
    }

    @Test
    void onlyFamilyMembersHaveSettings() {
        for (var who : List.of(People.AMARA, People.PRIYA, People.KEITH)) {
            api.expectRejected(HttpEvents.route("GET /me/notification-preferences").as(who), 403, null);
            api.expectRejected(put(who, "{\"clientId\":\"c-rosa\"}"), 403, null);
            api.expectRejected(HttpEvents.route("POST /me/push-subscriptions").as(who)
                    .body(subscription("https://fcm.googleapis.com/fcm/send/x")), 403, null);
        }
        api.expectRejected(HttpEvents.route("GET /me/notification-preferences").as(People.NOBODY), 403, null);
    }

    @Test
    void pushSubscriptionsAreEachPersonsOwn() {
        Reply made = api.expect(201, HttpEvents.route("POST /me/push-subscriptions").as(People.MARIA)
                .body(subscription("https://fcm.googleapis.com/fcm/send/maria-phone")));
        String id = made.json().path("subscriptionId").asText();
        assertFalse(made.body().contains("maria-phone"), "the endpoint is not shown back");
        api.expectRejected(HttpEvents.route("DELETE /me/push-subscriptions/{subscriptionId}").path("subscriptionId", id)
                .as(People.TOM), 404, null);
        Reply tomsView = api.expect(200, HttpEvents.route("GET /me/notification-preferences").as(People.TOM));
        assertEquals(0, tomsView.json().path("pushSubscriptions").size());
        api.expect(200, HttpEvents.route("DELETE /me/push-subscriptions/{subscriptionId}").path("subscriptionId", id)
                .as(People.MARIA));
        api.expectRejected(HttpEvents.route("DELETE /me/push-subscriptions/{subscriptionId}").path("subscriptionId", id)
                .as(People.MARIA), 404, null);
    }

    @Test
    void aSubscriptionMustBeABrowserPushServicesAndItsKeys() {
        api.expectRejected(HttpEvents.route("POST /me/push-subscriptions").as(People.MARIA)
                .body(subscription("https://169.254.169.254/latest/meta-data")), 400, "endpoint");
        api.expectRejected(HttpEvents.route("POST /me/push-subscriptions").as(People.MARIA)
                .body(subscription("http://127.0.0.1:9/_local/push/x")), 400, "endpoint");
        api.expectRejected(HttpEvents.route("POST /me/push-subscriptions").as(People.MARIA)
                .body("{\"endpoint\":\"https://fcm.googleapis.com/x\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"!!\"}}"), 400, "keys.p256dh");
        api.expectRejected(HttpEvents.route("POST /me/push-subscriptions").as(People.MARIA)
                .body("{\"endpoint\":\"https://fcm.googleapis.com/x\"}"), 400, "keys");
    }

    @Test
    void aProviderWithoutSmsTakesNoNumber() {
        Reply r = api.expectRejected(HttpEvents.route("PUT /me/phone").as(People.MARIA).body("{\"phone\":\"+447700900123\"}"),
                422, null);
        assertTrue(r.json().path("detail").asText().contains("SMS"));
        api.expectRejected(HttpEvents.route("PUT /me/phone").as(People.MARIA).body("{\"phone\":\"07700900123\"}"), 400, "phone");
        api.expectRejected(HttpEvents.route("POST /me/phone/verify").as(People.MARIA).body("{\"code\":\"12\"}"), 400, "code");
        api.expectRejected(HttpEvents.route("POST /me/phone/verify").as(People.MARIA).body("{\"code\":\"123456\"}"), 409, null);
    }
}
