package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.whatmatters.auth.Caller;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.ListQuery;
import org.whatmatters.invites.InviteCode;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.visits.VisitService;

/** An accepted invite gives access; revoking the link ends it at once, across the whole service. */
class FamilyAccessTest {

    private static final Map<String, String> PAT = People.SAM.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> e.getKey().equals("sub") ? "f-pat" : e.getValue()));


    @Test
    void anInviteCodeIsNeverKeptForIdempotencyReplays() {
        SetupApi api = new SetupApi();
        HttpEvents invite = HttpEvents.route("POST /clients/{clientId}/invites").path("clientId", People.ROSA)
                .as(People.AMARA).header("idempotency-key", "invite-1")
                .body("{\"displayName\":\"Sam\",\"relationship\":\"grandson\"}");
        String code = api.expect(201, invite).json().get("code").asText();
        assertFalse(api.table.snapshot().toString().contains(code), "the code is not stored at rest");
        var before = api.table.snapshot();
        SetupApi.Reply retry = api.call(invite);
        assertEquals(409, retry.status(), "a retry is told the secret is shown once");
        assertEquals(before, api.table.snapshot(), "and no second invite is made");
    }

    @Test
    void revokingALinkEndsAccessAtOnceAndAReInviteRestoresIt() {
        SetupApi api = new SetupApi();
        VisitService visits = VisitsForTest.on(api.table.env(), Clock.fixed(SetupApi.NOW, SetupApi.ZONE));
        Caller sam = Caller.fromClaims(People.SAM);
        ListQuery all = new ListQuery(null, null, null, null);
        assertThrows(ProblemException.class, () -> visits.list(sam, People.ROSA, all));

        String code = api.inviteFamily(People.ROSA, People.AMARA);
        api.expect(200, SetupApi.accept(code, People.SAM));
        visits.list(sam, People.ROSA, all);
        api.expect(200, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA).as(People.SAM));

        JsonNode revoked = api.expect(200, HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}")
                .path("clientId", People.ROSA).path("familySub", "f-sam").as(People.BEN)).json();
        assertEquals(SetupApi.NOW.toString(), revoked.get("revokedAt").asText());
        ProblemException gone = assertThrows(ProblemException.class, () -> visits.list(sam, People.ROSA, all));
        assertEquals(404, gone.problem().status());
        api.expect(404, HttpEvents.route("GET /clients/{clientId}").path("clientId", People.ROSA).as(People.SAM));
        api.expect(409, SetupApi.accept(code, People.SAM));

        // Revoking again changes nothing and answers the same.
        var before = api.table.snapshot();
        JsonNode again = api.expect(200, HttpEvents.route("DELETE /clients/{clientId}/family/{familySub}")
                .path("clientId", People.ROSA).path("familySub", "f-sam").as(People.PRIYA)).json();
        assertEquals(revoked, again);
        assertEquals(before, api.table.snapshot());

        api.expect(200, SetupApi.accept(api.inviteFamily(People.ROSA, People.PRIYA), People.SAM));
        visits.list(sam, People.ROSA, all);
    }

    @Test
    void twoPeopleRacingWithOneCodeLinkOnlyOne() throws Exception {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ROSA, People.AMARA);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Map<String, String> who : List.of(People.SAM, PAT)) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.call(SetupApi.accept(code, who)).status();
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                got.add(f.get());
            }
            assertEquals(List.of(200, 409), got.stream().sorted().toList());
        }
        FamilyLinkStore links = new FamilyLinkStore(api.table.data());
        boolean sam = links.find(People.ROSA, "f-sam").isPresent();
        boolean pat = links.find(People.ROSA, "f-pat").isPresent();
        assertTrue(sam ^ pat, "exactly one of them is linked");
    }

    @Test
    void onlyTheHashOfTheCodeIsStored() {
        SetupApi api = new SetupApi();
        String code = api.inviteFamily(People.ROSA, People.AMARA);
        String everything = api.table.snapshot().toString();
        assertFalse(everything.contains(code), "the code itself is never stored");
        assertTrue(everything.contains(InviteCode.hash(code)));
        assertTrue(everything.contains("expiresAt=AttributeValue(N=" + SetupApi.NOW.plusSeconds(7 * 86_400)
                .getEpochSecond()), "expiresAt is the table's TTL attribute, in epoch seconds");
    }
}
