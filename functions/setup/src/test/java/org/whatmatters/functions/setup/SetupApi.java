package org.whatmatters.functions.setup;


import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.FamilyInviteStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.FamilyInvite;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.invites.InviteCode;
import org.whatmatters.json.Json;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/**
 * The real set-up handler on a fresh DynamoDB Local table: the test people, Ridgeshire's contract
 * for both teams with its open 2026-Q4 period, and the invite the accept-invite sample uses.
 */
final class SetupApi extends ApiFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String CONTRACT = "ct-ridgeshire";
    static final String PERIOD = "sp-2026-q4";
    /** The code in events/http/setup/accept-invite.json: an invite to Rosa, made yesterday. */
    static final String SAMPLE_CODE = "SampleInviteCodeForEventsOnly_0123456789abc";

    SetupApi() {
        this(new TestTable());
    }

    private SetupApi(TestTable table) {
        super(table, new SetupApiHandler(SetupComponent.create(table.env(), Clock.fixed(NOW, ZONE))));
        People.seed(table.data());
        Contract contract = new Contract(CONTRACT, "comm-ridgeshire", "Ridgeshire County Council",
                List.of(People.NORTH, People.SOUTH), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), "a-priya",
                Instant.parse("2026-03-01T09:00:00Z"), 1);
        new ContractStore(table.data()).create(contract);
        new SurveyPeriodStore(table.data()).create(new SurveyPeriod(PERIOD, CONTRACT, "2026-Q4",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), SurveyPeriod.DEFAULT_QUESTIONS, "a-priya",
                Instant.parse("2026-09-01T09:00:00Z")), contract);
        new FamilyInviteStore(table.data()).create(new FamilyInvite(InviteCode.hash(SAMPLE_CODE), People.ROSA,
                People.NORTH, "Sam", "grandson", null, "w-amara", NOW.minusSeconds(86_400),
                NOW.plusSeconds(6 * 86_400), null, null));
    }

    /** The same table, seen by a handler whose clock reads {@code when}. */
    SetupApiHandler handlerAt(Instant when) {
        return new SetupApiHandler(SetupComponent.create(table.env(), Clock.fixed(when, ZONE)));
    }

    String createTeam(String name) {
        return expect(201, HttpEvents.route("POST /teams").as(People.PRIYA).body(Json.write(Map.of("name", name))))
                .json().get("teamId").asText();
    }

    JsonNode addMember(String teamId, String workerId) {
        return expect(201, HttpEvents.route("POST /teams/{teamId}/members").path("teamId", teamId).as(People.PRIYA)
                .body(Json.write(Map.of("workerId", workerId, "displayName", "Worker " + workerId)))).json();
    }

    /** A family invite to a client, made by {@code who}; answers the code. */
    String inviteFamily(String clientId, Map<String, String> who) {
        return expect(201, HttpEvents.route("POST /clients/{clientId}/invites").path("clientId", clientId).as(who)
                .body("{\"displayName\":\"Sam\",\"relationship\":\"grandson\"}")).json().get("code").asText();
    }

    static HttpEvents accept(String code, Map<String, String> who) {
        return HttpEvents.route("POST /invites/accept").as(who).body(Json.write(Map.of("code", code)));
    }
}
