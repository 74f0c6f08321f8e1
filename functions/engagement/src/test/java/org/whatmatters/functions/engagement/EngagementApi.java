package org.whatmatters.functions.engagement;


import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SharingConsent;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.json.Json;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/**
 * The real engagement handler on a fresh DynamoDB Local table: the test people; Ridgeshire's contract
 * for both teams, with a closed, an open and an upcoming survey period; Leeds's contract for the
 * north team only, from November; invitations for Maria, Tom, Rosa and Arthur; one sample story.
 */
final class EngagementApi extends ApiFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String RIDGESHIRE = "ct-ridgeshire";
    static final String LEEDS = "ct-leeds";
    static final String OPEN = "sp-2026-q4";
    static final String CLOSED = "sp-2026-q3";
    static final String UPCOMING = "sp-2027-q1";
    static final String SAMPLE_STORY = "s-sample-1";

    final EngagementApiHandler handler;

    EngagementApi() {
        this(new TestTable());
    }

    private EngagementApi(TestTable table) {
        this(table, new EngagementApiHandler(EngagementComponent.create(table.env(), Clock.fixed(NOW, ZONE))));
    }

    private EngagementApi(TestTable table, EngagementApiHandler handler) {
        super(table, handler);
        this.handler = handler;
        People.seed(table.data());
        ContractStore contracts = new ContractStore(table.data());
        contracts.create(new Contract(RIDGESHIRE, "comm-ridgeshire", "Ridgeshire County Council",
                List.of(People.NORTH, People.SOUTH), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), "a-priya",
                Instant.parse("2026-03-01T09:00:00Z"), 1));
        contracts.create(new Contract(LEEDS, "comm-leeds", "Leeds City Council", List.of(People.NORTH),
                LocalDate.of(2026, 11, 1), LocalDate.of(2027, 10, 31), "a-priya", Instant.parse("2026-10-01T09:00:00Z"),
                1));
        SurveyPeriodStore periods = new SurveyPeriodStore(table.data());
        InvitationStore invitations = new InvitationStore(table.data());
        for (String[] p : List.of(new String[] {CLOSED, "2026-Q3", "2026-07-01", "2026-09-30"},
                new String[] {OPEN, "2026-Q4", "2026-10-01", "2026-12-31"},
                new String[] {UPCOMING, "2027-Q1", "2027-01-01", "2027-03-31"})) {
            periods.create(new SurveyPeriod(p[0], RIDGESHIRE, p[1], LocalDate.parse(p[2]), LocalDate.parse(p[3]),
                    SurveyPeriod.DEFAULT_QUESTIONS, "a-priya", Instant.parse("2026-06-01T09:00:00Z")),
                    contracts.find(RIDGESHIRE).orElseThrow());
            invitations.invite(invitation(p[0], RespondentType.FAMILY, "f-maria", People.ROSA, People.NORTH));
            invitations.invite(invitation(p[0], RespondentType.FAMILY, "f-tom", People.ARTHUR, People.SOUTH));
            invitations.invite(invitation(p[0], RespondentType.CLIENT, People.ROSA, People.ROSA, People.NORTH));
            invitations.invite(invitation(p[0], RespondentType.CLIENT, People.ARTHUR, People.ARTHUR, People.SOUTH));
        }
        OutcomeStory sample = new OutcomeStory(SAMPLE_STORY, People.ROSA, People.NORTH, "Back to the corner shop",
                "Rosa walked to the corner shop and paid herself.", LocalDate.of(2026, 11, 20),
                List.of(OutcomeDomain.INDEPENDENCE), List.of("Shops for herself on Fridays"), SharingConsent.FAMILY,
                "w-amara", OutcomeStory.AuthorRole.WORKER, "Amara", NOW.minusSeconds(86_400));
        new StoryStore(table.data()).create(sample, new ActivityCounters(contracts).count(People.NORTH, sample.date(),
                b -> b.add(Counter.STORIES, 1).add(Counter.stories("independence", "family"), 1)));
    }

    static Invitation invitation(String periodId, RespondentType type, String respondentId, String clientId,
                                 String teamId) {
        return new Invitation(periodId, RIDGESHIRE, type, respondentId, clientId, teamId, "a-priya",
                Instant.parse("2026-06-01T09:00:00Z"));
    }

    static String storyBody(String date, String consent, String... domains) {
        return """
                {"title":"Gardening again","text":"Rosa planted bulbs with her granddaughter.","date":"%s",
                 "domains":%s,"goals":["Out in the garden twice a week"],"consent":"%s"}"""
                .formatted(date, Json.write(List.of(domains)), consent);
    }

    static String healthBody(String type, String date) {
        return """
                {"type":"%s","date":"%s","note":"Seen by the GP at home."}""".formatted(type, date);
    }

    static String shiftBody(String start, String end) {
        return """
                {"start":"%s","end":"%s"}""".formatted(start, end);
    }

    static String responseBody(String clientId, int impact, int reliability, int creativity, int recommend,
                               String comment) {
        return """
                {"clientId":"%s","ratings":{"positive-impact":%d,"reliability":%d,"creativity":%d},
                 "recommend":%d%s}""".formatted(clientId, impact, reliability, creativity, recommend,
                comment == null ? "" : ",\"comment\":" + Json.write(comment));
    }

    static HttpEvents story(Map<String, String> who, String clientId, String body) {
        return HttpEvents.route("POST /clients/{clientId}/stories").path("clientId", clientId).as(who).body(body);
    }

    static HttpEvents health(Map<String, String> who, String clientId, String body) {
        return HttpEvents.route("POST /clients/{clientId}/health-events").path("clientId", clientId).as(who)
                .body(body);
    }

    static HttpEvents shift(Map<String, String> who, String teamId, String body) {
        return HttpEvents.route("POST /teams/{teamId}/shifts").path("teamId", teamId).as(who).body(body);
    }

    static HttpEvents respond(Map<String, String> who, String periodId, String body) {
        return HttpEvents.route("POST /survey-periods/{periodId}/responses").path("periodId", periodId).as(who)
                .body(body);
    }
}
