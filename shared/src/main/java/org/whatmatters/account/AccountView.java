package org.whatmatters.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.whatmatters.domain.SurveyQuestion;

/**
 * The answer to {@code GET /me}: who the caller is, and for a family member the people they are
 * linked to and the open survey periods they are invited to ({@code answeredAt} once answered).
 */
public record AccountView(String sub, List<String> roles, String teamId, String commissionerId,
                          List<LinkedPerson> clients, List<OpenSurvey> surveys) {

    public record LinkedPerson(String clientId, String displayName, String relationship, String teamName) {
    }

    public record OpenSurvey(String periodId, String label, LocalDate opensOn, LocalDate closesOn, String clientId,
                             List<SurveyQuestion> questions, Instant answeredAt) {
    }
}
