package org.whatmatters.functions.notifications;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.FAMILY;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.notifications.NewPushSubscription;
import org.whatmatters.notifications.NotificationSettings;
import org.whatmatters.notifications.PhoneNumber;
import org.whatmatters.notifications.PhoneVerification;
import org.whatmatters.notifications.PreferencesChoice;
import org.whatmatters.notifications.PushDevices;

/** A family member's own notification settings: choices per person, push subscriptions, the verified mobile number. */
public final class NotificationsApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public NotificationsApiHandler() {
        this(NotificationsApiComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public NotificationsApiHandler(NotificationsApiComponent wiring) {
        super(routes(wiring.settings(), wiring.devices(), wiring.phone()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /me/notification-preferences", "none", "priming"));
    }

    private static Map<String, Endpoint> routes(NotificationSettings settings, PushDevices devices, PhoneVerification phone) {
        return Map.ofEntries(
                entry("GET /me/notification-preferences", Endpoint.of(r -> ApiResponse.ok(settings.view(r.caller())),
                        FAMILY)),
                entry("PUT /me/notification-preferences", Endpoint.of(r -> ApiResponse.ok(
                        settings.update(r.caller(), r.body(PreferencesChoice.class))), FAMILY)),

                entry("POST /me/push-subscriptions", Endpoint.of(r -> ApiResponse.json(201,
                        devices.subscribe(r.caller(), r.body(NewPushSubscription.class))), FAMILY)),

                entry("DELETE /me/push-subscriptions/{subscriptionId}", Endpoint.of(r -> {
                    devices.unsubscribe(r.caller(), r.path("subscriptionId"));
                    return ApiResponse.ok(Map.of("subscriptionId", r.path("subscriptionId"), "removed", true));
                }, FAMILY)),

                entry("PUT /me/phone", Endpoint.of(r -> ApiResponse.json(202,
                        phone.start(r.caller(), r.body(PhoneNumber.class))), FAMILY)),
                entry("DELETE /me/phone", Endpoint.of(r -> {
                    phone.remove(r.caller());
                    return ApiResponse.ok(Map.of("removed", true));
                }, FAMILY)),

                entry("POST /me/phone/verify", Endpoint.of(r -> ApiResponse.ok(
                        phone.verify(r.caller(), r.body(PhoneNumber.class))), FAMILY)));
    }
}
