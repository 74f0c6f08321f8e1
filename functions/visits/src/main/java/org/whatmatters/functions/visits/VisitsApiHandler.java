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
import org.whatmatters.rota.ChangeSchedule;
import org.whatmatters.rota.EndSchedule;
import org.whatmatters.rota.NewSchedule;
import org.whatmatters.rota.ScheduleService;
import org.whatmatters.rota.ScheduleView;
import org.whatmatters.visits.CancelVisit;
import org.whatmatters.visits.CheckIn;
import org.whatmatters.visits.CheckOut;
import org.whatmatters.visits.PlanVisit;
import org.whatmatters.visits.RescheduleVisit;
import org.whatmatters.visits.VisitService;
import org.whatmatters.visits.VisitView;

/** The visits API: plan, check in, check out, cancel, move, read one, list a client's; a client's recurring schedules. */
public final class VisitsApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public VisitsApiHandler() {
        this(VisitsComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public VisitsApiHandler(VisitsComponent wiring) {
        super(routes(wiring.visits(), wiring.schedules()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /visits/{visitId}", "visitId", "priming"));
    }

    private static Map<String, Endpoint> routes(VisitService visits, ScheduleService schedules) {
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
                                r.body(RescheduleVisit.class))), WORKER, PROVIDER_ADMIN)),
                entry("POST /clients/{clientId}/schedules", Endpoint.of(r -> {
                    ScheduleView s = schedules.create(r.caller(), r.path("clientId"), r.body(NewSchedule.class));
                    return ApiResponse.created("/schedules/" + s.scheduleId(), s);
                }, WORKER, PROVIDER_ADMIN)),
                entry("GET /clients/{clientId}/schedules", Endpoint.of(
                        r -> ApiResponse.ok(schedules.list(r.caller(), r.path("clientId"))), WORKER, PROVIDER_ADMIN)),
                entry("GET /schedules/{scheduleId}", Endpoint.of(
                        r -> ApiResponse.ok(schedules.get(r.caller(), r.path("scheduleId"))), WORKER, PROVIDER_ADMIN)),
                entry("PUT /schedules/{scheduleId}", Endpoint.of(r -> ApiResponse.ok(schedules.change(r.caller(),
                        r.path("scheduleId"), r.body(ChangeSchedule.class))), WORKER, PROVIDER_ADMIN)),
                entry("POST /schedules/{scheduleId}/end", Endpoint.of(r -> ApiResponse.ok(schedules.end(r.caller(),
                        r.path("scheduleId"), r.body(EndSchedule.class))), WORKER, PROVIDER_ADMIN)));
    }
}
