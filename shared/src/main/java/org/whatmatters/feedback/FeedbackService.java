package org.whatmatters.feedback;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.access.Relation;
import org.whatmatters.auth.Caller;
import org.whatmatters.auth.Role;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.SurveyResponseStore;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.ops.Metric;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * Feedback in a survey period. A linked family member answers for themselves; a worker of the
 * client's team records the client's own answers. Only invited respondents answer, only while the
 * period is open, and once each: the response's key is the period and the respondent, so a second
 * submission cannot be stored or counted twice. An identical resubmission gets the first answer back.
 */
@Singleton
public final class FeedbackService {

    static final int COMMENT_MAX = 2000;

    private final SurveyPeriodStore periods;
    private final InvitationStore invitations;
    private final SurveyResponseStore responses;
    private final ClientRelations relations;
    private final Clock clock;

    @Inject
    public FeedbackService(SurveyPeriodStore periods, InvitationStore invitations, SurveyResponseStore responses,
                           ClientRelations relations, Clock clock) {
        this.periods = periods;
        this.invitations = invitations;
        this.responses = responses;
        this.relations = relations;
        this.clock = clock;
    }

    public Submitted submit(Caller caller, String periodId, SubmitResponse cmd) {
        ClientAccess.requireSomeRole(caller);
        SurveyPeriod period = period(periodId);
        Violations v = new Violations();
        if (!v.required("clientId", cmd.clientId())) {
            v.throwIfAny();
        }
        Respondent who = respondent(caller, cmd.clientId());
        validate(v, period, cmd);
        v.throwIfAny();

        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(period.opensOn())) {
            throw ProblemException.of(409, "survey-period-not-open", "This survey period is not open yet",
                    "Survey period " + period.label() + " opens on " + period.opensOn() + "; answers are taken from then until "
                            + period.closesOn());
        }
        if (today.isAfter(period.closesOn())) {
            throw ProblemException.of(409, "survey-period-closed", "This survey period has closed",
                    "Survey period " + period.label() + " closed on " + period.closesOn() + "; answers are no longer taken");
        }
        Invitation invitation = invitations.find(periodId, who.type(), who.id())
                .orElseThrow(() -> ProblemException.forbidden(who.type() == RespondentType.FAMILY
                        ? "You were not invited to answer survey period " + period.label()
                        : "Client " + cmd.clientId() + " was not invited to answer survey period " + period.label()));
        if (!invitation.clientId().equals(cmd.clientId())) {
            throw ProblemException.invalidField("clientId", "must be " + invitation.clientId()
                    + ", the client your invitation to this period is about");
        }

        SurveyResponse response = new SurveyResponse(periodId, who.type(), who.id(), cmd.clientId(),
                invitation.teamId(), cmd.ratings(), cmd.recommend(), blankToNull(cmd.comment()), caller.sub(),
                clock.instant());
        if (responses.create(response, FeedbackCounters.of(response))) {
            Metric.SURVEY_RESPONSES.add();
            return new Submitted(ResponseView.of(response), true);
        }
        SurveyResponse first = responses.find(periodId, who.type(), who.id())
                .orElseThrow(() -> new IllegalStateException("a response was refused as existing but is not there"));
        if (!first.sameAnswers(response)) {
            throw ProblemException.of(409, "already-answered", "Already answered in this period",
                    (who.type() == RespondentType.FAMILY ? "You have" : "Client " + who.id() + " has")
                            + " already answered survey period " + period.label() + " on " + first.submittedAt()
                            + "; one answer per respondent per period is kept");
        }
        return new Submitted(ResponseView.of(first), false);
    }

    /** The caller's own answer; a worker names the client (query clientId) whose answer they recorded. */
    public ResponseView mine(Caller caller, String periodId, String clientId) {
        ClientAccess.requireSomeRole(caller);
        SurveyPeriod period = period(periodId);
        Respondent who;
        if (clientId != null) {
            who = respondent(caller, clientId);
        } else if (caller.is(Role.FAMILY)) {
            who = new Respondent(RespondentType.FAMILY, caller.sub());
        } else {
            throw ProblemException.invalidField("clientId", "is required: name the client whose answer you recorded");
        }
        return responses.find(period.periodId(), who.type(), who.id()).map(ResponseView::of)
                .orElseThrow(() -> ProblemException.notFound("An answer to survey period " + period.label()));
    }

    private record Respondent(RespondentType type, String id) {
    }

    private Respondent respondent(Caller caller, String clientId) {
        Relation relation = relations.of(caller, clientId, "Client " + clientId).relation();
        ClientAccess.requireRead(relation, "Client " + clientId);
        return switch (relation) {
            case TEAM_WORKER -> new Respondent(RespondentType.CLIENT, clientId);
            case LINKED_FAMILY -> new Respondent(RespondentType.FAMILY, caller.sub());
            default -> throw ProblemException.forbidden("Survey answers come from family members and from clients "
                    + "(recorded by their team), not from the provider admin");
        };
    }

    private SurveyPeriod period(String periodId) {
        SurveyPeriod period = Checks.validId(periodId) ? periods.find(periodId).orElse(null) : null;
        if (period == null) {
            throw ProblemException.notFound("Survey period " + periodId);
        }
        return period;
    }

    private static void validate(Violations v, SurveyPeriod period, SubmitResponse cmd) {
        if (v.required("ratings", cmd.ratings())) {
            for (Map.Entry<String, Integer> e : cmd.ratings().entrySet()) {
                String field = "ratings." + e.getKey();
                if (!period.asks(e.getKey())) {
                    v.add(field, "is not a question of this survey period");
                } else if (v.required(field, e.getValue())) {
                    v.range(field, e.getValue(), 1, 6);
                }
            }
            for (SurveyQuestion q : period.questions()) {
                if (!cmd.ratings().containsKey(q.questionId())) {
                    v.add("ratings." + q.questionId(), "is required: rate \"" + q.text() + "\" from 1 to 6");
                }
            }
        }
        if (v.required("recommend", cmd.recommend())) {
            v.range("recommend", cmd.recommend(), 0, 10);
        }
        Checks.optionalText(v, "comment", cmd.comment(), COMMENT_MAX);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
