package org.whatmatters.live;

import java.util.List;

/** What the socket itself answers on the connection: pong, subscribed, or an error. */
public record SocketReply(String type, List<String> clientIds, Integer status, String detail) {

    public static SocketReply pong() {
        return new SocketReply("pong", null, null, null);
    }

    public static SocketReply subscribed(List<String> clientIds) {
        return new SocketReply("subscribed", clientIds, null, null);
    }

    public static SocketReply error(int status, String detail, List<String> clientIds) {
        return new SocketReply("error", clientIds, status, detail);
    }
}
