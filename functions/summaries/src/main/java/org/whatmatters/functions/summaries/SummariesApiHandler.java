package org.whatmatters.functions.summaries;

import static org.whatmatters.auth.Role.COMMISSIONER;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.summaries.publish.LinkRequest;
import org.whatmatters.summaries.publish.LinkView;

/** The summaries API: list and read summaries, signed download links and their audit trail, compile on request, dashboards. */
public final class SummariesApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public SummariesApiHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public SummariesApiHandler(Env env) {
        this(env, Clock.system(env.zone()));
    }

    public SummariesApiHandler(Env env, Clock clock) {
        this(DaggerSummariesComponent.factory().create(env, clock));
    }

    private SummariesApiHandler(SummariesComponent c) {
        super(Map.of(
                "GET /summaries", Endpoint.of(r -> ApiResponse.ok(c.summaries().list(r.caller(), r.listQuery())),
                        PROVIDER_ADMIN, COMMISSIONER),
                "POST /summaries/{summaryId}/links", Endpoint.of(r -> {
                    LinkView link = c.summaries().link(r.caller(), r.path("summaryId"),
                            r.body() == null || r.body().isBlank() ? LinkRequest.DEFAULTS : r.body(LinkRequest.class));
                    // The URL is a bearer credential.
                    return ApiResponse.secret(201, link);
                }, PROVIDER_ADMIN, COMMISSIONER),
                "GET /summary-links", Endpoint.of(r -> ApiResponse.ok(c.summaries().audit(r.caller(),
                        r.query("summaryId"), r.listQuery())), PROVIDER_ADMIN),
                "POST /survey-periods/{periodId}/summary", Endpoint.of(
                        r -> ApiResponse.ok(c.summaries().compile(r.caller(), r.path("periodId"))), PROVIDER_ADMIN),
                "GET /summaries/{summaryId}", Endpoint.of(r -> ApiResponse.okJson(c.summaries().document(r.caller(),
                        r.path("summaryId"))), PROVIDER_ADMIN, COMMISSIONER),
                "GET /teams/{teamId}/dashboard", Endpoint.of(r -> ApiResponse.okJson(
                        c.summaries().dashboard(r.caller(), r.path("teamId"), r.query("month"))), WORKER, PROVIDER_ADMIN)),
                c.idempotency(), c.affiliations(), Priming.get("GET /summaries/{summaryId}", "summaryId", "priming"));
    }

}
