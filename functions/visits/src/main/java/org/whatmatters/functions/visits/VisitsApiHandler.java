package org.whatmatters.functions.visits;

import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.auth.Affiliations;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.IdempotencyStore;
import org.whatmatters.lambda.Priming;
import org.whatmatters.visits.CheckIn;
import org.whatmatters.visits.CheckOut;
import org.whatmatters.visits.PlanVisit;
import org.whatmatters.visits.VisitService;
import org.whatmatters.visits.VisitView;

/** The visits API: plan, check in, check out, read one, list a client's. */
public final class VisitsApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public VisitsApiHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public VisitsApiHandler(Env env) {
        this(env, Clock.system(env.zone()));
    }

    public VisitsApiHandler(Env env, Clock clock) {
        this(DaggerVisitsComponent.factory().create(env, clock));
    }

    private VisitsApiHandler(VisitsComponent c) {
        this(c.visits(), c.idempotency(), c.affiliations());
    }

    private VisitsApiHandler(VisitService visits, IdempotencyStore idempotency, Affiliations affiliations) {
        super(Map.of(
                "POST /clients/{clientId}/visits", Endpoint.of(r -> {
                    VisitView v = visits.plan(r.caller(), r.path("clientId"), r.body(PlanVisit.class));
                    return ApiResponse.created("/visits/" + v.visitId(), v);
                }, WORKER),
                "POST /visits/{visitId}/check-in", Endpoint.of(
                        r -> ApiResponse.ok(visits.checkIn(r.caller(), r.path("visitId"), r.body(CheckIn.class))), WORKER),
                "POST /visits/{visitId}/check-out", Endpoint.of(
                        r -> ApiResponse.ok(visits.checkOut(r.caller(), r.path("visitId"), r.body(CheckOut.class))), WORKER),
                "GET /visits/{visitId}", Endpoint.of(
                        r -> ApiResponse.ok(visits.get(r.caller(), r.path("visitId"))), WORKER, FAMILY, PROVIDER_ADMIN),
                "GET /clients/{clientId}/visits", Endpoint.of(
                        r -> ApiResponse.ok(visits.list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, FAMILY, PROVIDER_ADMIN)),
                idempotency, affiliations, Priming.get("GET /visits/{visitId}", "visitId", "priming"));
    }
}
