package org.whatmatters.functions.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;

/** Every sample event in events/http/engagement, through the real handler on DynamoDB Local. */
class SampleEventsTest {

    private final EngagementApi api = new EngagementApi();

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/http/engagement/" + name + ".json");
    }

    private Map<String, Long> teamMonth(String team) {
        return new AggregateStore(api.table.data()).read(AggregateKey.teamMonth(team, YearMonth.of(2026, 11)));
    }

    @Test
    void aWorkerRecordsAStoryAndTheFamilyReadsIt() {
        EngagementApi.Reply r = api.call(sample("record-story"));
        assertEquals(201, r.status(), r.json()::toString);
        var s = r.json();
        String id = s.get("storyId").asText();
        assertEquals("/stories/" + id, r.headers().get("location"));
        assertEquals("2026-11-22", s.get("date").asText());
        assertEquals("[\"wellbeing\",\"relationships-community\"]", s.get("domains").toString());
        assertEquals("family", s.get("consent").asText());
        assertEquals("Amara", s.at("/author/name").asText());
        assertEquals("w-amara", s.at("/author/id").asText());

        EngagementApi.Reply list = api.call(sample("list-stories"));
        assertEquals(200, list.status(), list.json()::toString);
        assertEquals(id, list.json().at("/stories/0/storyId").asText(), "newest first");
        assertEquals(EngagementApi.SAMPLE_STORY, list.json().at("/stories/1/storyId").asText());
        assertFalse(list.json().at("/stories/0/author").has("id"), "families see the author's name, not their id");

        EngagementApi.Reply one = api.call(sample("get-story"));
        assertEquals(200, one.status(), one.json()::toString);
        assertEquals("Back to the corner shop", one.json().get("title").asText());

        Map<String, Long> counted = teamMonth("t-north");
        assertEquals(2L, counted.get(Counter.STORIES));
        assertEquals(1L, counted.get(Counter.stories("wellbeing", "family")));
        assertEquals(1L, counted.get(Counter.stories("relationships-community", "family")));
    }

    @Test
    void aWorkerRecordsAHealthEventAndTheAdminListsIt() {
        EngagementApi.Reply r = api.call(sample("record-health-event"));
        assertEquals(201, r.status(), r.json()::toString);
        assertEquals("gp-call-out", r.json().get("type").asText());
        assertEquals("t-north", r.json().get("teamId").asText());

        EngagementApi.Reply list = api.call(sample("list-health-events"));
        assertEquals(200, list.status(), list.json()::toString);
        assertEquals(1, list.json().get("healthEvents").size());
        assertEquals(r.json().get("eventId"), list.json().at("/healthEvents/0/eventId"));
        assertEquals(1L, teamMonth("t-north").get(Counter.healthEvents("gp-call-out")));
    }

    @Test
    void aWorkerRecordsTheirShiftAndItCountsForBothContracts() {
        EngagementApi.Reply r = api.call(sample("record-shift"));
        assertEquals(201, r.status(), r.json()::toString);
        assertEquals(180, r.json().get("minutes").asInt());
        assertEquals("w-amara", r.json().get("workerId").asText());

        EngagementApi.Reply list = api.call(sample("list-shifts"));
        assertEquals(200, list.status(), list.json()::toString);
        assertEquals(1, list.json().get("shifts").size());

        AggregateStore aggregates = new AggregateStore(api.table.data());
        for (AggregateKey key : List.of(AggregateKey.teamMonth("t-north", YearMonth.of(2026, 11)),
                AggregateKey.contractMonth(EngagementApi.RIDGESHIRE, YearMonth.of(2026, 11)),
                AggregateKey.contractMonth(EngagementApi.LEEDS, YearMonth.of(2026, 11)))) {
            Map<String, Long> c = aggregates.read(key);
            assertEquals(180L, c.get(Counter.SHIFT_MINUTES), key::toString);
            assertEquals(180L, c.get(Counter.shiftMinutesBy("w-amara")), key::toString);
            assertEquals(1L, c.get(Counter.SHIFTS), key::toString);
        }
    }

    @Test
    void aFamilyMemberAnswersTheSurveyAndReadsTheirAnswer() {
        EngagementApi.Reply r = api.call(sample("submit-response"));
        assertEquals(201, r.status(), r.json()::toString);
        assertEquals("/survey-periods/sp-2026-q4/responses/mine?clientId=c-rosa", r.headers().get("location"));
        assertEquals("family", r.json().get("respondentType").asText());
        assertEquals(10, r.json().get("recommend").asInt());

        EngagementApi.Reply mine = api.call(sample("get-my-response"));
        assertEquals(200, mine.status(), mine.json()::toString);
        assertEquals(r.json(), mine.json());

        Map<String, Long> period = new AggregateStore(api.table.data()).read(AggregateKey.period("sp-2026-q4"));
        assertEquals(1L, period.get(Counter.RESPONSES));
        assertEquals(1L, period.get(Counter.PROMOTERS));
        assertEquals(6L, period.get(Counter.ratingSum("positive-impact")));
        assertEquals(1L, period.get(Counter.rating("reliability", 5)));
        assertTrue(period.get(Counter.INVITATIONS) >= 4, "the seeded invitations are counted by the set-up store");
    }
}
