package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.whatmatters.auth.Caller;
import org.whatmatters.config.Env;
import org.whatmatters.data.PushSubscriptionStore;
import org.whatmatters.domain.PushSubscription;
import org.whatmatters.notifications.push.Base64Url;
import org.whatmatters.notifications.push.P256;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Ids;

/**
 * A family member's browsers and phones that take Web Push. The endpoint is where the sender will POST, so
 * only a known push service's https origin is taken (PUSH_SERVICES), never an address the caller picks.
 */
@Singleton
public final class PushDevices {

    /** Browsers per person; subscribing one more forgets the oldest. */
    static final int MAX_DEVICES = 10;
    static final int MAX_ENDPOINT = 1024;
    private static final List<String> KNOWN_SERVICES = List.of("fcm.googleapis.com", "*.push.services.mozilla.com",
            "updates.push.services.mozilla.com", "web.push.apple.com", "*.push.apple.com", "*.notify.windows.com");

    private final PushSubscriptionStore store;
    private final List<String> services;
    private final Clock clock;

    @Inject
    public PushDevices(PushSubscriptionStore store, Env env, Clock clock) {
        this.store = store;
        // The local cloud adds its push stand-in's origin (http on 127.0.0.1) here.
        this.services = env.get("PUSH_SERVICES").filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).toList()).orElse(KNOWN_SERVICES);
        this.clock = clock;
    }

    public SettingsView.DeviceView subscribe(Caller caller, NewPushSubscription body) {
        NotificationSettings.requireFamily(caller);
        Violations v = new Violations();
        if (body == null) {
            throw ProblemException.invalidField("endpoint", "is required");
        }
        if (v.required("endpoint", body.endpoint())) {
            v.maxLength("endpoint", body.endpoint(), MAX_ENDPOINT);
            if (!v.has("endpoint") && !allowed(body.endpoint())) {
                v.add("endpoint", "must be an https URL of a browser push service");
            }
        }
        if (v.required("keys", body.keys())) {
            byte[] point = bytes(v, "keys.p256dh", body.keys().p256dh());
            if (point != null && !onP256(point)) {
                v.add("keys.p256dh", "must be an uncompressed P-256 public key (65 bytes, base64url)");
            }
            byte[] auth = bytes(v, "keys.auth", body.keys().auth());
            if (auth != null && auth.length != 16) {
                v.add("keys.auth", "must be 16 bytes, base64url");
            }
        }
        v.throwIfAny();
        PushSubscription s = new PushSubscription(caller.sub(), idOf(body.endpoint()), body.endpoint(),
                body.keys().p256dh(), body.keys().auth(), clock.instant());
        List<PushSubscription> kept = store.of(caller.sub()).stream()
                .filter(k -> !k.subscriptionId().equals(s.subscriptionId())).toList();
        for (int i = 0; i <= kept.size() - MAX_DEVICES; i++) {
            store.remove(caller.sub(), kept.get(i).subscriptionId());
        }
        store.put(s);
        return view(s);
    }

    /** Only the caller's own: another person's id is simply not found under the caller. */
    public void unsubscribe(Caller caller, String subscriptionId) {
        NotificationSettings.requireFamily(caller);
        if (!store.remove(caller.sub(), subscriptionId)) {
            throw ProblemException.notFound("Push subscription " + subscriptionId);
        }
    }

    static SettingsView.DeviceView view(PushSubscription s) {
        return new SettingsView.DeviceView(s.subscriptionId(), URI.create(s.endpoint()).getHost(), s.createdAt());
    }

    /** The same browser subscribing again keeps its id. */
    static String idOf(String endpoint) {
        return Ids.derived("ps-", 15, endpoint);
    }

    private boolean allowed(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String origin = uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        for (String s : services) {
            if (s.contains("://") ? origin.equals(s)
                    : "https".equals(uri.getScheme()) && uri.getPort() == -1
                    && (s.startsWith("*.") ? host.endsWith(s.substring(1)) : host.equals(s))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(Violations v, String field, String value) {
        if (!v.required(field, value)) {
            return null;
        }
        try {
            return Base64Url.decode(value);
        } catch (IllegalArgumentException e) {
            v.add(field, "must be base64url");
            return null;
        }
    }

    /** A point that is not on the curve would make every encryption to it fail later. */
    static boolean onP256(byte[] point) {
        try {
            P256.publicKey(point);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
