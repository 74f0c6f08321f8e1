package org.whatmatters.live;

/** What a data-table change means for live updates. */
public sealed interface Effect permits Effect.Publish, Effect.LinkRevoked {

    String clientId();

    /** An update for the client's watchers; {@code audienceSub}, when set, is the only one who may see it. */
    record Publish(LiveMessage message, String audienceSub) implements Effect {
        @Override
        public String clientId() {
            return message.clientId();
        }
    }

    /** A family link ended: that person's connections stop watching the client at once. */
    record LinkRevoked(String clientId, String familySub) implements Effect {
    }
}
