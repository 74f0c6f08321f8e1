package org.whatmatters.functions.notifications;

import static java.util.Map.entry;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.domain.UnsubscribeLink;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.notifications.OneClickUnsubscribe;
import org.whatmatters.problem.ProblemException;

/**
 * GET and POST /notifications/unsubscribe?token=…, with no sign-in (the token is the proof). A mail client's
 * one-click POST (RFC 8058) turns the preference off; a GET, which link scanners also make, only asks to confirm.
 */
public final class UnsubscribeHandler extends HttpApiHandler {

    public UnsubscribeHandler() {
        this(UnsubscribeComponent.create(Env.system()));
    }

    public UnsubscribeHandler(UnsubscribeComponent wiring) {
        super(routes(wiring.unsubscribe()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /notifications/unsubscribe", "none", "priming"));
    }

    private static Map<String, Endpoint> routes(OneClickUnsubscribe unsubscribe) {
        return Map.ofEntries(
                entry("GET /notifications/unsubscribe", Endpoint.open(r -> {
                    UnsubscribeLink l = unsubscribe.find(r.query("token")).orElseThrow(UnsubscribeHandler::unknown);
                    return page("Unsubscribe", "<p>Stop getting " + what(l) + "?</p><form method=\"post\"><input "
                            + "type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">"
                            + "Unsubscribe</button></form>");
                })),
                entry("POST /notifications/unsubscribe", Endpoint.open(r -> {
                    UnsubscribeLink l = unsubscribe.apply(r.query("token")).orElseThrow(UnsubscribeHandler::unknown);
                    return page("Unsubscribed", "<p>You will no longer get " + what(l)
                            + ". You can turn them on again on the family page.</p>");
                })));
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("This unsubscribe link (it may have expired; change your choices on the family page)");
    }

    private static String what(UnsubscribeLink l) {
        return "'" + l.kind() + "' updates by " + l.channel();
    }

    private static ApiResponse page(String title, String body) {
        return new ApiResponse(200, Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"),
                "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                        + "content=\"width=device-width,initial-scale=1\"><title>" + title + "</title></head><body><h1>"
                        + title + "</h1>" + body + "</body></html>");
    }
}
