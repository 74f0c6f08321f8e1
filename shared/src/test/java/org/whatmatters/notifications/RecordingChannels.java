package org.whatmatters.notifications;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.PushSubscription;

/** The providers, as a recording: what each send was given, answering {@code next} (Sent by default). */
final class RecordingChannels implements Channels {

    record Sent(Channel channel, String to, String subject, String text, String extra) {
    }

    final List<Sent> sent = new ArrayList<>();
    Supplier<SendResult> next = () -> new SendResult.Sent("m-" + System.nanoTime());
    private final Set<Channel> available;

    RecordingChannels(Channel... available) {
        this.available = available.length == 0 ? EnumSet.allOf(Channel.class) : EnumSet.of(available[0], available);
    }

    @Override
    public Set<Channel> available() {
        return available;
    }

    @Override
    public synchronized SendResult email(String to, RenderedMessage message, String unsubscribeUrl) {
        sent.add(new Sent(Channel.EMAIL, to, message.subject(), message.text(), unsubscribeUrl));
        return next.get();
    }

    @Override
    public synchronized SendResult sms(String to, String text) {
        sent.add(new Sent(Channel.SMS, to, null, text, null));
        return next.get();
    }

    @Override
    public synchronized SendResult push(PushSubscription to, String payloadJson, boolean urgent) {
        sent.add(new Sent(Channel.PUSH, to.subscriptionId(), null, payloadJson, Boolean.toString(urgent)));
        return next.get();
    }

    @Override
    public String pushPublicKey() {
        return "BPublicKey";
    }

    synchronized List<Sent> to(Channel channel) {
        return sent.stream().filter(s -> s.channel() == channel).toList();
    }
}
