package org.whatmatters.functions.live;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.data.ListQuery;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.live.UpdateFeed;

/** GET /clients/{clientId}/updates: the updates a family missed while offline, oldest first. */
public final class UpdatesApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public UpdatesApiHandler() {
        this(UpdatesComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public UpdatesApiHandler(UpdatesComponent wiring) {
        super(routes(wiring.feed()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /clients/{clientId}/updates", "clientId", "priming"));
    }

    private static Map<String, Endpoint> routes(UpdateFeed feed) {
        return Map.ofEntries(
                entry("GET /clients/{clientId}/updates", Endpoint.of(r -> ApiResponse.ok(feed.list(r.caller(),
                        r.path("clientId"), new ListQuery(r.query("since"), null, r.query("limit"), r.query("cursor")))),
                        FAMILY, WORKER, PROVIDER_ADMIN)));
    }
}
