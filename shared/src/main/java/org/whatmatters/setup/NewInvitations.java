package org.whatmatters.setup;

import java.util.List;
import org.whatmatters.domain.RespondentType;

/** The body of {@code POST /survey-periods/{periodId}/invitations}. */
public record NewInvitations(List<Respondent> respondents) {

    /** A linked family member (respondentId = their sub) or the client themselves (respondentId = clientId). */
    public record Respondent(RespondentType respondentType, String respondentId, String clientId) {
    }
}
