package org.whatmatters.functions.notifications;

import java.util.EnumSet;
import java.util.Set;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.PushSubscription;
import org.whatmatters.notifications.Channels;
import org.whatmatters.notifications.RenderedMessage;
import org.whatmatters.notifications.SendResult;

/** The channels this stack configured; a missing one refuses for good (never retried). */
record StackChannels(SesEmail email, SmsVoice sms, WebPush push) implements Channels {

    @Override
    public Set<Channel> available() {
        Set<Channel> on = EnumSet.noneOf(Channel.class);
        if (email != null) {
            on.add(Channel.EMAIL);
        }
        if (sms != null) {
            on.add(Channel.SMS);
        }
        if (push != null) {
            on.add(Channel.PUSH);
        }
        return on;
    }

    @Override
    public SendResult email(String to, RenderedMessage message, String unsubscribeUrl) {
        return email == null ? NONE.email(to, message, unsubscribeUrl) : email.send(to, message, unsubscribeUrl);
    }

    @Override
    public SendResult sms(String to, String text) {
        return sms == null ? NONE.sms(to, text) : sms.send(to, text);
    }

    @Override
    public SendResult push(PushSubscription to, String payloadJson, boolean urgent) {
        return push == null ? NONE.push(to, payloadJson, urgent) : push.send(to, payloadJson, urgent);
    }

    @Override
    public String pushPublicKey() {
        return push == null ? null : push.publicKey();
    }
}
