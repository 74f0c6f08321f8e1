package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.SurveyResponseStore;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.json.Json;
import org.whatmatters.problem.Problem;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** GET /me: a family member's people and open surveys, and nobody else's. */
class MeTest {

    private final SetupApi api = new SetupApi();

    private static HttpEvents me(Map<String, String> who) {
        return HttpEvents.route("GET /me").as(who);
    }

    private void invite(String familySub, String clientId) {
        api.expect(200, HttpEvents.route("POST /survey-periods/{periodId}/invitations")
                .path("periodId", SetupApi.PERIOD).as(People.PRIYA).body(Json.write(Map.of("respondents",
                        List.of(Map.of("respondentType", "family", "respondentId", familySub, "clientId", clientId))))));
    }

    @Test
    void aFamilyMemberSeesTheirPeopleAndTheOpenSurveyTheyAreInvitedTo() {
        invite("f-maria", People.ROSA);
        JsonNode me = api.expect(200, me(People.MARIA)).json();
        assertEquals("f-maria", me.get("sub").asText());
        assertEquals("[\"family\"]", me.get("roles").toString());
        assertEquals(1, me.get("clients").size());
        JsonNode rosa = me.get("clients").get(0);
        assertEquals(People.ROSA, rosa.get("clientId").asText());
        assertEquals("Rosa Bennett", rosa.get("displayName").asText());
        assertEquals("daughter", rosa.get("relationship").asText());
        assertEquals("Riverside North", rosa.get("teamName").asText());
        assertEquals(1, me.get("surveys").size());
        JsonNode survey = me.get("surveys").get(0);
        assertEquals(SetupApi.PERIOD, survey.get("periodId").asText());
        assertEquals("2026-Q4", survey.get("label").asText());
        assertEquals(People.ROSA, survey.get("clientId").asText());
        assertEquals(3, survey.get("questions").size());
        assertEquals("positive-impact", survey.get("questions").get(0).get("questionId").asText());
        assertFalse(survey.has("answeredAt"), "not answered yet");
    }

    @Test
    void anAnsweredSurveySaysWhen() {
        invite("f-maria", People.ROSA);
        Instant at = Instant.parse("2026-11-20T18:00:00Z");
        new SurveyResponseStore(api.table.data()).create(new SurveyResponse(SetupApi.PERIOD, RespondentType.FAMILY,
                "f-maria", People.ROSA, People.NORTH, Map.of("positive-impact", 6, "reliability", 5, "creativity", 6),
                10, null, "f-maria", at), List.of());
        JsonNode survey = api.expect(200, me(People.MARIA)).json().get("surveys").get(0);
        assertEquals(at.toString(), survey.get("answeredAt").asText());
    }

    @Test
    void aSurveyOutsideItsDaysIsNotListed() {
        invite("f-maria", People.ROSA);
        SetupApi.Reply r = SetupApi.call(api.handlerAt(Instant.parse("2027-01-02T10:00:00Z")),
                me(People.MARIA).build());
        assertEquals(200, r.status());
        assertEquals(0, r.json().get("surveys").size(), "the period closed on 31 December");
        assertEquals(1, r.json().get("clients").size());
    }

    @Test
    void anotherFamilysPeopleAndInvitationsNeverShow() {
        invite("f-maria", People.ROSA);
        invite("f-tom", People.ARTHUR);
        JsonNode tom = api.expect(200, me(People.TOM)).json();
        assertEquals(1, tom.get("clients").size());
        assertEquals(People.ARTHUR, tom.get("clients").get(0).get("clientId").asText());
        assertEquals(1, tom.get("surveys").size());
        assertEquals(People.ARTHUR, tom.get("surveys").get(0).get("clientId").asText());
        String body = tom.toString();
        assertFalse(body.contains(People.ROSA) || body.contains("Rosa") || body.contains("f-maria"), body);
    }

    @Test
    void aRevokedLinkGivesNoPersonAndNoSurvey() {
        assertEquals(0, api.expect(200, me(People.FORMER)).json().get("clients").size());
        invite("f-maria", People.ROSA);
        api.expect(200, HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}").path("clientId", People.ROSA)
                .path("familySub", "f-maria").as(People.PRIYA));
        JsonNode maria = api.expect(200, me(People.MARIA)).json();
        assertEquals(0, maria.get("clients").size());
        assertEquals(0, maria.get("surveys").size(), "an invitation without an active link is not offered");
    }

    @Test
    void otherRolesGetWhoTheyAreAndNoPeople() {
        JsonNode amara = api.expect(200, me(People.AMARA)).json();
        assertEquals("[\"worker\"]", amara.get("roles").toString());
        assertEquals(People.NORTH, amara.get("teamId").asText());
        assertEquals(0, amara.get("clients").size());
        JsonNode keith = api.expect(200, me(People.KEITH)).json();
        assertEquals("comm-ridgeshire", keith.get("commissionerId").asText());
        assertEquals(0, keith.get("clients").size());
        assertEquals(0, keith.get("surveys").size());
    }

    @Test
    void aCallerWithNoRoleIsRefusedAndNothingIsWritten() {
        var before = api.table.snapshot();
        SetupApi.Reply r = api.call(me(People.NOBODY));
        assertEquals(403, r.status());
        assertEquals(Problem.MEDIA_TYPE, r.contentType());
        assertEquals(before, api.table.snapshot());
    }

    @Test
    void aCallerWithoutASubjectIsUnauthorised() {
        SetupApi.Reply r = api.call(me(Map.of("cognito:groups", "[family]")));
        assertEquals(401, r.status());
        assertEquals(Problem.MEDIA_TYPE, r.contentType());
        assertTrue(r.json().get("detail").asText().contains("subject"));
    }
}
