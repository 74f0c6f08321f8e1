package org.whatmatters.functions.engagement;

import java.time.Clock;
import java.util.Map;
import org.whatmatters.config.Env;
import org.whatmatters.feedback.SubmitResponse;
import org.whatmatters.feedback.Submitted;
import org.whatmatters.lambda.ApiRequest;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.records.ListQuery;
import org.whatmatters.records.RecordHealthEvent;
import org.whatmatters.records.RecordShift;
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
                "POST /clients/{clientId}/stories", r -> {
                    StoryView s = c.stories().record(r.caller(), r.path("clientId"), r.body(RecordStory.class));
                    return ApiResponse.created("/stories/" + s.storyId(), s);
                },
                "GET /clients/{clientId}/stories",
                r -> ApiResponse.ok(c.stories().list(r.caller(), r.path("clientId"), listQuery(r))),
                "GET /stories/{storyId}",
                r -> ApiResponse.ok(c.stories().get(r.caller(), r.path("storyId"))),
                // Health events and shifts are read only in their listings, so their 201 names no Location.
                "POST /clients/{clientId}/health-events", r -> ApiResponse.json(201,
                        c.healthEvents().record(r.caller(), r.path("clientId"), r.body(RecordHealthEvent.class))),
                "GET /clients/{clientId}/health-events",
                r -> ApiResponse.ok(c.healthEvents().list(r.caller(), r.path("clientId"), listQuery(r))),
                "POST /teams/{teamId}/shifts", r -> ApiResponse.json(201,
                        c.shifts().record(r.caller(), r.path("teamId"), r.body(RecordShift.class))),
                "GET /teams/{teamId}/shifts",
                r -> ApiResponse.ok(c.shifts().list(r.caller(), r.path("teamId"), listQuery(r))),
                "POST /survey-periods/{periodId}/responses", r -> {
                    Submitted s = c.feedback().submit(r.caller(), r.path("periodId"), r.body(SubmitResponse.class));
                    // An identical resubmission answers 200 with the first response, not a second 201.
                    return s.created() ? ApiResponse.created("/survey-periods/" + r.path("periodId")
                            + "/responses/mine?clientId=" + s.response().clientId(), s.response())
                            : ApiResponse.ok(s.response());
                },
                "GET /survey-periods/{periodId}/responses/mine",
                r -> ApiResponse.ok(c.feedback().mine(r.caller(), r.path("periodId"), r.query("clientId")))),
                c.idempotency(), Priming.get("GET /stories/{storyId}", "storyId", "priming"));
    }

    private static ListQuery listQuery(ApiRequest r) {
        return new ListQuery(r.query("from"), r.query("to"), r.query("limit"), r.query("cursor"));
    }
}
