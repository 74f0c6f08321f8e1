package org.whatmatters.functions.summaries;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.COMMISSIONER;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.summaries.publish.EvvExportRequest;
import org.whatmatters.summaries.publish.LinkRequest;
import org.whatmatters.summaries.publish.LinkView;
import org.whatmatters.summaries.publish.SummaryService;

/**
 * The summaries API: list and read summaries, signed download links and their audit trail, compile on request,
 * dashboards, and a contract's EVV export (provider admins only).
 */
public final class SummariesApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public SummariesApiHandler() {
        this(SummariesComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public SummariesApiHandler(SummariesComponent wiring) {
        super(routes(wiring.summaries()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /summaries/{summaryId}", "summaryId", "priming"));
    }

    private static Map<String, Endpoint> routes(SummaryService summaries) {
        return Map.ofEntries(
                entry("GET /summaries", Endpoint.of(r -> ApiResponse.ok(summaries.list(r.caller(), r.listQuery())),
                        PROVIDER_ADMIN, COMMISSIONER)),
                entry("GET /summaries/{summaryId}", Endpoint.of(r -> ApiResponse.okJson(summaries.document(r.caller(),
                        r.path("summaryId"))), PROVIDER_ADMIN, COMMISSIONER)),
                entry("POST /summaries/{summaryId}/links", Endpoint.of(r -> {
                    LinkView link = summaries.link(r.caller(), r.path("summaryId"),
                            r.body() == null || r.body().isBlank() ? LinkRequest.DEFAULTS : r.body(LinkRequest.class));
                    // The URL is a bearer credential.
                    return ApiResponse.secret(201, link);
                }, PROVIDER_ADMIN, COMMISSIONER)),
                entry("GET /summary-links", Endpoint.of(r -> ApiResponse.ok(summaries.audit(r.caller(),
                        r.query("summaryId"), r.listQuery())), PROVIDER_ADMIN)),
                entry("POST /survey-periods/{periodId}/summary", Endpoint.of(
                        r -> ApiResponse.ok(summaries.compile(r.caller(), r.path("periodId"))), PROVIDER_ADMIN)),
                entry("GET /teams/{teamId}/dashboard", Endpoint.of(r -> ApiResponse.okJson(
                        summaries.dashboard(r.caller(), r.path("teamId"), r.query("month"))), WORKER, PROVIDER_ADMIN)),
                entry("POST /contracts/{contractId}/evv-exports", Endpoint.of(r -> ApiResponse.ok(summaries.evvExport(
                        r.caller(), r.path("contractId"), r.body(EvvExportRequest.class))), PROVIDER_ADMIN)));
    }
}
