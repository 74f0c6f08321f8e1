package org.whatmatters.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.whatmatters.data.SuppressionStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Suppression;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Log;
import org.whatmatters.ops.Metric;

/**
 * What the providers report back: SES bounce and complaint events (through the configuration set's SNS topic)
 * and SMS replies (two-way SMS through SNS). A permanent bounce, a complaint or an opt-out word suppresses the
 * address: nothing more is sent to it on that channel.
 */
@Singleton
public final class DeliveryFeedback {

    /** The opt-out words carriers and AWS End User Messaging honour. */
    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT",
            "OPT-OUT", "REVOKE", "ARRET");

    /** The words that opt a number back in (AWS End User Messaging's default START keyword and its like). */
    static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");

    private final SuppressionStore suppressions;
    private final Clock clock;

    @Inject
    public DeliveryFeedback(SuppressionStore suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** One SNS message: an SES event or an inbound SMS; anything else is logged and ignored. */
    public void handle(String message) {
        JsonNode doc;
        try {
            doc = Json.read(message, JsonNode.class);
        } catch (RuntimeException e) {
            Log.warn("feedback not JSON; ignored");
            return;
        }
        String type = doc.path("eventType").asText(doc.path("notificationType").asText(""));
        switch (type) {
            case "Bounce" -> bounce(doc.path("bounce"));
            case "Complaint" -> {
                for (JsonNode r : doc.path("complaint").path("complainedRecipients")) {
                    suppress(Channel.EMAIL, r.path("emailAddress").asText(), Suppression.Reason.COMPLAINT);
                    Metric.EMAIL_COMPLAINED.add();
                }
            }
            default -> {
                if (doc.has("originationNumber") && doc.has("messageBody")) {
                    reply(doc.path("originationNumber").asText(), doc.path("messageBody").asText());
                } else {
                    Log.info("feedback ignored", "type", type);
                }
            }
        }
    }

    /** Only a permanent bounce suppresses; a transient one (mailbox full) is SES's to retry. */
    private void bounce(JsonNode bounce) {
        Metric.EMAIL_BOUNCED.add();
        if (!"Permanent".equals(bounce.path("bounceType").asText())) {
            return;
        }
        for (JsonNode r : bounce.path("bouncedRecipients")) {
            suppress(Channel.EMAIL, r.path("emailAddress").asText(), Suppression.Reason.BOUNCE);
        }
    }

    private void reply(String from, String body) {
        String word = body.strip().toUpperCase(Locale.ROOT).split("\\s+", 2)[0];
        if (OPT_OUT.contains(word)) {
            suppress(Channel.SMS, from, Suppression.Reason.OPT_OUT);
            Metric.SMS_OPTED_OUT.add();
        } else if (OPT_IN.contains(word)) {
            suppressions.remove(Channel.SMS, from);
            Log.info("opted in again", "channel", "sms");
        }
    }

    private void suppress(Channel channel, String address, Suppression.Reason reason) {
        if (address == null || address.isBlank()) {
            return;
        }
        suppressions.put(new Suppression(channel, address.strip(), reason, clock.instant()));
        Log.info("suppressed", "channel", channel.toString(), "reason", reason.name());
    }
}
