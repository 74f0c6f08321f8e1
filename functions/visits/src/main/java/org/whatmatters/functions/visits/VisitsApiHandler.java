package org.whatmatters.functions.visits;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.visits.CancelVisit;
import org.whatmatters.visits.CheckIn;
import org.whatmatters.visits.CheckOut;
import org.whatmatters.visits.PlanVisit;
import org.whatmatters.visits.RescheduleVisit;
import org.whatmatters.visits.VisitService;
import org.whatmatters.visits.VisitView;

/** The visits API: plan, check in, check out, cancel, move, read one, list a client's. */
public final class VisitsApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public VisitsApiHandler() {
        this(VisitsComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public VisitsApiHandler(VisitsComponent wiring) {
        super(routes(wiring.visits()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /visits/{visitId}", "visitId", "priming"));
    }

    private static Map<String, Endpoint> routes(VisitService visits) {
        return Map.ofEntries(
                entry("POST /clients/{clientId}/visits", Endpoint.of(r -> {
                    VisitView v = visits.plan(r.caller(), r.path("clientId"), r.body(PlanVisit.class));
                    return ApiResponse.created("/visits/" + v.visitId(), v);
                }, WORKER)),
                entry("GET /clients/{clientId}/visits", Endpoint.of(
                        r -> ApiResponse.ok(visits.list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, FAMILY, PROVIDER_ADMIN)),
                entry("GET /visits/{visitId}", Endpoint.of(
                        r -> ApiResponse.ok(visits.get(r.caller(), r.path("visitId"))), WORKER, FAMILY, PROVIDER_ADMIN)),
                entry("POST /visits/{visitId}/check-in", Endpoint.of(
                        r -> ApiResponse.ok(visits.checkIn(r.caller(), r.path("visitId"), r.body(CheckIn.class))), WORKER)),
                entry("POST /visits/{visitId}/check-out", Endpoint.of(
                        r -> ApiResponse.ok(visits.checkOut(r.caller(), r.path("visitId"), r.body(CheckOut.class))),
                        WORKER)),
                entry("POST /visits/{visitId}/cancel", Endpoint.of(
                        r -> ApiResponse.ok(visits.cancel(r.caller(), r.path("visitId"), r.body(CancelVisit.class))),
                        WORKER, PROVIDER_ADMIN)),
                entry("POST /visits/{visitId}/reschedule", Endpoint.of(
                        r -> ApiResponse.ok(visits.reschedule(r.caller(), r.path("visitId"),
                                r.body(RescheduleVisit.class))), WORKER, PROVIDER_ADMIN)));
    }
}
