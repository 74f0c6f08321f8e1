package org.whatmatters.functions.engagement;

import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.feedback.SubmitResponse;
import org.whatmatters.feedback.Submitted;
import org.whatmatters.health.RecordHealthEvent;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.shifts.RecordShift;
import org.whatmatters.stories.RecordStory;
import org.whatmatters.stories.StoryView;

/** The engagement API: outcome stories, health events, paid shifts and survey feedback. */
public final class EngagementApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public EngagementApiHandler() {
        this(Env.system());
    }

    /** The local cloud's entry point: the template's environment for this function. */
    public EngagementApiHandler(Env env) {
        this(env, Clock.system(env.zone()));
    }

    public EngagementApiHandler(Env env, Clock clock) {
        this(DaggerEngagementComponent.factory().create(env, clock));
    }

    private EngagementApiHandler(EngagementComponent c) {
        super(Map.of(
                "POST /clients/{clientId}/stories", Endpoint.of(r -> {
                    StoryView s = c.stories().record(r.caller(), r.path("clientId"), r.body(RecordStory.class));
                    return ApiResponse.created("/stories/" + s.storyId(), s);
                }, WORKER, FAMILY),
                "GET /clients/{clientId}/stories", Endpoint.of(
                        r -> ApiResponse.ok(c.stories().list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN, FAMILY),
                "GET /stories/{storyId}", Endpoint.of(
                        r -> ApiResponse.ok(c.stories().get(r.caller(), r.path("storyId"))), WORKER, PROVIDER_ADMIN, FAMILY),
                // Health events and shifts are read only in their listings, so their 201 names no Location.
                "POST /clients/{clientId}/health-events", Endpoint.of(r -> ApiResponse.json(201,
                        c.healthEvents().record(r.caller(), r.path("clientId"), r.body(RecordHealthEvent.class))), WORKER),
                "GET /clients/{clientId}/health-events", Endpoint.of(
                        r -> ApiResponse.ok(c.healthEvents().list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN),
                "POST /teams/{teamId}/shifts", Endpoint.of(r -> ApiResponse.json(201,
                        c.shifts().record(r.caller(), r.path("teamId"), r.body(RecordShift.class))), WORKER),
                "GET /teams/{teamId}/shifts", Endpoint.of(
                        r -> ApiResponse.ok(c.shifts().list(r.caller(), r.path("teamId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN),
                "POST /survey-periods/{periodId}/responses", Endpoint.of(r -> {
                    Submitted s = c.feedback().submit(r.caller(), r.path("periodId"), r.body(SubmitResponse.class));
                    // An identical resubmission answers 200 with the first response, not a second 201.
                    return s.created() ? ApiResponse.created("/survey-periods/" + r.path("periodId")
                            + "/responses/mine?clientId=" + s.response().clientId(), s.response())
                            : ApiResponse.ok(s.response());
                }, FAMILY, WORKER),
                "GET /survey-periods/{periodId}/responses/mine", Endpoint.of(
                        r -> ApiResponse.ok(c.feedback().mine(r.caller(), r.path("periodId"), r.queryId("clientId"))),
                        FAMILY, WORKER)),
                c.idempotency(), c.affiliations(), Priming.get("GET /stories/{storyId}", "storyId", "priming"));
    }

}
