package org.whatmatters.functions.engagement;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.feedback.FeedbackService;
import org.whatmatters.feedback.SubmitResponse;
import org.whatmatters.feedback.Submitted;
import org.whatmatters.health.HealthEventService;
import org.whatmatters.health.RecordHealthEvent;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.shifts.RecordShift;
import org.whatmatters.shifts.ShiftService;
import org.whatmatters.stories.RecordStory;
import org.whatmatters.stories.StoryService;
import org.whatmatters.stories.StoryView;

/** The engagement API: outcome stories, health events, paid shifts and survey feedback. */
public final class EngagementApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public EngagementApiHandler() {
        this(EngagementComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public EngagementApiHandler(EngagementComponent wiring) {
        super(routes(wiring.stories(), wiring.healthEvents(), wiring.shifts(), wiring.feedback()), wiring.idempotency(),
                wiring.affiliations(), Priming.get("GET /stories/{storyId}", "storyId", "priming"));
    }

    private static Map<String, Endpoint> routes(StoryService stories, HealthEventService healthEvents,
                                                ShiftService shifts, FeedbackService feedback) {
        return Map.ofEntries(
                entry("POST /clients/{clientId}/stories", Endpoint.of(r -> {
                    StoryView s = stories.record(r.caller(), r.path("clientId"), r.body(RecordStory.class));
                    return ApiResponse.created("/stories/" + s.storyId(), s);
                }, WORKER, FAMILY)),
                entry("GET /clients/{clientId}/stories", Endpoint.of(
                        r -> ApiResponse.ok(stories.list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN, FAMILY)),
                entry("GET /stories/{storyId}", Endpoint.of(
                        r -> ApiResponse.ok(stories.get(r.caller(), r.path("storyId"))), WORKER, PROVIDER_ADMIN, FAMILY)),

                // Health events and shifts are read only in their listings, so their 201 names no Location.
                entry("POST /clients/{clientId}/health-events", Endpoint.of(r -> ApiResponse.json(201,
                        healthEvents.record(r.caller(), r.path("clientId"), r.body(RecordHealthEvent.class))), WORKER)),
                entry("GET /clients/{clientId}/health-events", Endpoint.of(
                        r -> ApiResponse.ok(healthEvents.list(r.caller(), r.path("clientId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN)),

                entry("POST /teams/{teamId}/shifts", Endpoint.of(r -> ApiResponse.json(201,
                        shifts.record(r.caller(), r.path("teamId"), r.body(RecordShift.class))), WORKER)),
                entry("GET /teams/{teamId}/shifts", Endpoint.of(
                        r -> ApiResponse.ok(shifts.list(r.caller(), r.path("teamId"), r.listQuery())),
                        WORKER, PROVIDER_ADMIN)),

                entry("POST /survey-periods/{periodId}/responses", Endpoint.of(r -> {
                    Submitted s = feedback.submit(r.caller(), r.path("periodId"), r.body(SubmitResponse.class));
                    // An identical resubmission answers 200 with the first response, not a second 201.
                    return s.created() ? ApiResponse.created("/survey-periods/" + r.path("periodId")
                            + "/responses/mine?clientId=" + s.response().clientId(), s.response())
                            : ApiResponse.ok(s.response());
                }, FAMILY, WORKER)),
                entry("GET /survey-periods/{periodId}/responses/mine", Endpoint.of(
                        r -> ApiResponse.ok(feedback.mine(r.caller(), r.path("periodId"), r.queryId("clientId"))),
                        FAMILY, WORKER)));
    }
}
