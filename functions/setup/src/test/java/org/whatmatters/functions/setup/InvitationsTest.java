package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Invitations are the response rate's denominator: each respondent counts once, whatever the retries and races. */
class InvitationsTest {

    private static final String BOTH = """
            {"respondents":[{"respondentType":"family","respondentId":"f-maria","clientId":"c-rosa"},
             {"respondentType":"client","respondentId":"c-rosa","clientId":"c-rosa"},
             {"respondentType":"family","respondentId":"f-tom","clientId":"c-arthur"},
             {"respondentType":"client","respondentId":"c-arthur","clientId":"c-arthur"}]}""";

    @Test
    void parallelAndRepeatedInvitationsCountEachRespondentOnce() throws Exception {
        SetupApi api = new SetupApi();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SetupApi.Reply>> replies = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.call(HttpEvents.route("POST /survey-periods/{periodId}/invitations")
                            .path("periodId", SetupApi.PERIOD).as(People.PRIYA).body(BOTH));
                }));
            }
            start.countDown();
            int invited = 0;
            int already = 0;
            for (Future<SetupApi.Reply> f : replies) {
                SetupApi.Reply r = f.get();
                assertEquals(200, r.status(), r.json()::toString);
                invited += r.json().get("invited").asInt();
                already += r.json().get("alreadyInvited").asInt();
            }
            assertEquals(4, invited, "each of the four respondents is invited by exactly one writer");
            assertEquals(4 * (writers - 1), already);
        }
        AggregateStore aggregates = new AggregateStore(api.table.data());
        assertEquals(Map.of(Counter.INVITATIONS, 4L),
                aggregates.read(AggregateKey.period(SetupApi.PERIOD)));
        assertEquals(2L, aggregates.read(AggregateKey.periodTeam(SetupApi.PERIOD, People.NORTH))
                .get(Counter.INVITATIONS));
        assertEquals(2L, aggregates.read(AggregateKey.periodTeam(SetupApi.PERIOD, People.SOUTH))
                .get(Counter.INVITATIONS));
        InvitationStore store = new InvitationStore(api.table.data());
        assertEquals(4, store.ofPeriod(SetupApi.PERIOD).size());
        var maria = store.find(SetupApi.PERIOD, RespondentType.FAMILY, "f-maria").orElseThrow();
        assertEquals(People.ROSA, maria.clientId());
        assertEquals(People.NORTH, maria.teamId());
        assertEquals(SetupApi.CONTRACT, maria.contractId());
    }

    @Test
    void aFailedInvitationCountsNothing() {
        SetupApi api = new SetupApi();
        var before = api.table.snapshot();
        // The second respondent is not linked: the whole request is refused before anything is written.
        api.expect(400, HttpEvents.route("POST /survey-periods/{periodId}/invitations")
                .path("periodId", SetupApi.PERIOD).as(People.PRIYA).body(BOTH.replace("f-tom", "f-former")));
        assertEquals(before, api.table.snapshot());
        assertEquals(Map.of(), new AggregateStore(api.table.data()).read(AggregateKey.period(SetupApi.PERIOD)));
    }
}
