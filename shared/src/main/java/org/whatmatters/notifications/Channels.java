package org.whatmatters.notifications;

import java.util.EnumSet;
import java.util.Set;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.PushSubscription;

/** The channels a stack has: each is optional (a stack without an SES identity sends no e-mail). */
public interface Channels {

    Set<Channel> available();

    SendResult email(String to, RenderedMessage message, String unsubscribeUrl);

    SendResult sms(String to, String text);

    SendResult push(PushSubscription to, String payloadJson, boolean urgent);

    /** The VAPID public key browsers subscribe with (base64url), or null without push. */
    String pushPublicKey();

    /** No channel at all, for functions that only read and write preferences. */
    Channels NONE = new Channels() {
        @Override
        public Set<Channel> available() {
            return EnumSet.noneOf(Channel.class);
        }

        @Override
        public SendResult email(String to, RenderedMessage message, String unsubscribeUrl) {
            return new SendResult.Rejected("no e-mail on this stack", false);
        }

        @Override
        public SendResult sms(String to, String text) {
            return new SendResult.Rejected("no SMS on this stack", false);
        }

        @Override
        public SendResult push(PushSubscription to, String payloadJson, boolean urgent) {
            return new SendResult.Rejected("no push on this stack", false);
        }

        @Override
        public String pushPublicKey() {
            return null;
        }
    };
}
