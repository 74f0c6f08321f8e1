package org.whatmatters.local.cloud.messaging;

import java.util.List;
import org.whatmatters.text.Html;

/** The outbox as a page: newest first, each message as the person would read it. */
final class OutboxPage {

    private OutboxPage() {
    }

    static String html(List<OutboxMessage> messages) {
        StringBuilder s = new StringBuilder("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Local outbox</title><style>body{font-family:sans-serif;"
                + "max-width:60rem;margin:1rem auto}article{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;"
                + "margin:.5rem 0}small{color:#555}</style></head><body><h1>Local outbox</h1><p>What the local SES, SMS "
                + "and push stand-ins took (refreshes every 5 s). JSON: <a href=\"/_local/outbox\">/_local/outbox</a>.</p>");
        if (messages.isEmpty()) {
            s.append("<p>Nothing sent yet.</p>");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            OutboxMessage m = messages.get(i);
            s.append("<article><small>").append(Html.escape(m.channel())).append(" to ").append(Html.escape(m.to())).append(" at ")
                    .append(m.at()).append("</small>");
            if (m.subject() != null) {
                s.append("<h2>").append(Html.escape(m.subject())).append("</h2>");
            }
            s.append("<pre>").append(Html.escape(String.valueOf(m.text()))).append("</pre>");
            m.headers().forEach((k, v) -> s.append("<div><small>").append(Html.escape(k)).append(": ").append(Html.escape(v))
                    .append("</small></div>"));
            s.append("</article>");
        }
        return s.append("</body></html>").toString();
    }
}
