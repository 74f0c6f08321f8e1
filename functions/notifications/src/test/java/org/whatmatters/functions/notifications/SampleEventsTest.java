package org.whatmatters.functions.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.config.Env;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.data.UnsubscribeLinkStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.UnsubscribeLink;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** The sample events of events/http/notifications, events/sns and events/sqs through the real handlers. */
class SampleEventsTest {

    private final TestTable table = new TestTable();
    private final Env env;

    SampleEventsTest() {
        People.seed(table.data());
        Map<String, String> e = new HashMap<>(table.envMap());
        e.put("EMAIL_FROM", "care@riverside.example");
        env = Env.of(e);
    }

    /** Read as the Lambda runtime reads them: with its serialisers for the event types it knows. */
    private static <T> T event(String path, Class<T> type) throws IOException {
        try (InputStream in = SampleEventsTest.class.getResourceAsStream("/events/" + path)) {
            return LambdaEventSerializers.serializerFor(type, SampleEventsTest.class.getClassLoader())
                    .fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSettingsSamplesAreServed() {
        var api = new NotificationsApiHandler(NotificationsApiComponent.create(env));
        var put = ApiFixture.call(api, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/put-preferences.json"));
        assertEquals(200, put.status(), put.body());
        assertEquals(List.of("email"), List.of(put.json().at("/channels/story-shared/0").asText()));
        var get = ApiFixture.call(api, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/get-preferences.json"));
        assertEquals(200, get.status(), get.body());
        assertEquals("maria@example.org", get.json().at("/contact/email").asText(), "the verified e-mail of the token");
        var subscribe = ApiFixture.call(api, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/subscribe-push.json"));
        assertEquals(201, subscribe.status(), subscribe.body());
        var verify = ApiFixture.call(api, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/verify-phone.json"));
        assertEquals(409, verify.status(), "no code was sent: " + verify.body());
    }

    @Test
    void theOneClickSampleTurnsThePreferenceOff() {
        var handler = new UnsubscribeHandler(UnsubscribeComponent.create(env));
        var unknown = ApiFixture.call(handler, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/one-click-unsubscribe.json"));
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        new UnsubscribeLinkStore(table.data()).put(new UnsubscribeLink("SampleUnsubscribeToken_0123456789abcd", "f-maria",
                People.ROSA, UpdateKind.SURVEY_OPEN, Channel.EMAIL, Instant.now().plusSeconds(3600)));
        var done = ApiFixture.call(handler, EventLoader.loadApiGatewayHttpEvent("events/http/notifications/one-click-unsubscribe.json"));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.contentType().startsWith("text/html"));
        var prefs = new org.whatmatters.data.NotificationPreferencesStore(table.data()).of("f-maria", People.ROSA);
        assertEquals(java.util.Set.of(), prefs.channels().get(UpdateKind.SURVEY_OPEN));
    }

    @Test
    void theFeedbackSamplesSuppressTheAddressAndTheNumber() throws IOException {
        var handler = new NotificationFeedbackHandler(NotificationFeedbackComponent.create(env));
        handler.handleRequest(event("sns/ses-bounce.json", SNSEvent.class), null);
        handler.handleRequest(event("sns/sms-stop.json", SNSEvent.class), null);
        var suppressions = new SuppressionStore(table.data());
        assertTrue(suppressions.find(Channel.EMAIL, "maria@example.org").isPresent());
        assertTrue(suppressions.find(Channel.SMS, "+447700900123").isPresent());
    }

    @Test
    void theQueueSampleIsReadAndAnUnreadableMessageIsNotRetriedForever() throws IOException {
        var handler = new SendNotificationsHandler(SendNotificationsComponent.create(env));
        SQSEvent sample = event("sqs/send-notification.json", SQSEvent.class);
        assertEquals(List.of(), handler.handleRequest(sample, null).getBatchItemFailures(),
                "Maria chose no e-mail for arrivals (the default): nothing to send, nothing to retry");
        sample.getRecords().getFirst().setBody("{not json");
        assertEquals(List.of(), handler.handleRequest(sample, null).getBatchItemFailures());
    }
}
