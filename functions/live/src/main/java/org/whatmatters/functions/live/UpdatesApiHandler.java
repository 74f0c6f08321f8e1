package org.whatmatters.functions.live;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.auth.Role;
import org.whatmatters.config.Env;
import org.whatmatters.data.ListQuery;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.lambda.Priming;
import org.whatmatters.live.UpdateFeed;

/** GET /clients/{clientId}/updates: the updates a family missed while offline, oldest first. */
public final class UpdatesApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public UpdatesApiHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public UpdatesApiHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public UpdatesApiHandler(Env env, Clock clock) {
        this(DaggerUpdatesComponent.factory().create(env, clock));
    }

    private UpdatesApiHandler(UpdatesComponent c) {
        this(c.feed(), c.idempotency(), c.affiliations());
    }

    private UpdatesApiHandler(UpdateFeed feed, IdempotencyStore idempotency, Affiliations affiliations) {
        super(Map.of("GET /clients/{clientId}/updates", Endpoint.of(r -> ApiResponse.ok(feed.list(r.caller(),
                        r.path("clientId"), new ListQuery(r.query("since"), null, r.query("limit"), r.query("cursor")))),
                        Role.FAMILY, Role.WORKER, Role.PROVIDER_ADMIN)), idempotency, affiliations,
                Priming.get("GET /clients/{clientId}/updates", "clientId", "priming"));
    }
}
