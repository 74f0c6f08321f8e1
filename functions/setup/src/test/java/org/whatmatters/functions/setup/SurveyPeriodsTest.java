package org.whatmatters.functions.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;

/** Contracts covering a team on a day, the open period of a contract, and periods that never overlap. */
class SurveyPeriodsTest {

    private static HttpEvents period(String label, String opens, String closes) {
        return HttpEvents.route("POST /contracts/{contractId}/survey-periods").path("contractId", SetupApi.CONTRACT)
                .as(People.PRIYA).body("{\"label\":\"%s\",\"opensOn\":\"%s\",\"closesOn\":\"%s\"}"
                        .formatted(label, opens, closes));
    }

    @Test
    void contractsCoveringATeamOnADay() {
        SetupApi api = new SetupApi();
        String northOnly = api.expect(201, HttpEvents.route("POST /contracts").as(People.PRIYA).body("""
                {"commissionerId":"comm-eastvale","commissionerName":"Eastvale Council","teamIds":["t-north"],
                 "startsOn":"2027-01-01","endsOn":"2027-12-31"}""")).json().get("contractId").asText();
        ContractStore contracts = new ContractStore(api.table.data());
        assertEquals(List.of(SetupApi.CONTRACT), ids(contracts.coveringTeam(People.NORTH, LocalDate.of(2026, 11, 23))));
        assertEquals(List.of(SetupApi.CONTRACT, northOnly).stream().sorted().toList(),
                ids(contracts.coveringTeam(People.NORTH, LocalDate.of(2027, 3, 31))).stream().sorted().toList());
        assertEquals(List.of(SetupApi.CONTRACT), ids(contracts.coveringTeam(People.SOUTH, LocalDate.of(2027, 3, 31))));
        assertEquals(List.of(northOnly), ids(contracts.coveringTeam(People.NORTH, LocalDate.of(2027, 4, 1))));
        assertEquals(List.of(), ids(contracts.coveringTeam(People.SOUTH, LocalDate.of(2027, 4, 1))));
        assertEquals(List.of(), ids(contracts.coveringTeam(People.NORTH, LocalDate.of(2026, 3, 31))));
        Contract copy = contracts.coveringTeam(People.SOUTH, LocalDate.of(2026, 11, 23)).getFirst();
        assertEquals("Ridgeshire County Council", copy.commissionerName());
        assertEquals(List.of(People.NORTH, People.SOUTH), copy.teamIds());
    }

    @Test
    void theOpenPeriodOfAContractOnADay() {
        SetupApi api = new SetupApi();
        api.expect(201, period("January 2027", "2027-01-01", "2027-01-31"));
        api.expect(201, period("March 2027", "2027-03-01", "2027-03-01"));
        SurveyPeriodStore periods = new SurveyPeriodStore(api.table.data());
        String c = SetupApi.CONTRACT;
        assertEquals("2026-Q4", periods.openOn(c, LocalDate.of(2026, 10, 1)).orElseThrow().label());
        assertEquals("2026-Q4", periods.openOn(c, LocalDate.of(2026, 12, 31)).orElseThrow().label());
        assertTrue(periods.openOn(c, LocalDate.of(2026, 9, 30)).isEmpty());
        assertEquals("January 2027", periods.openOn(c, LocalDate.of(2027, 1, 1)).orElseThrow().label());
        assertTrue(periods.openOn(c, LocalDate.of(2027, 2, 14)).isEmpty(), "between periods");
        assertEquals("March 2027", periods.openOn(c, LocalDate.of(2027, 3, 1)).orElseThrow().label());
        assertTrue(periods.openOn(c, LocalDate.of(2027, 3, 2)).isEmpty());
        assertTrue(periods.openOn("ct-other", LocalDate.of(2026, 11, 23)).isEmpty());
        SurveyPeriod q4 = periods.find(SetupApi.PERIOD).orElseThrow();
        assertEquals(SurveyPeriod.DEFAULT_QUESTIONS, q4.questions());
        assertTrue(q4.asks("reliability"));
        assertTrue(periods.find("sp-none").isEmpty());
    }

    @Test
    void customQuestionsAreKept() {
        SetupApi api = new SetupApi();
        var created = api.expect(201, HttpEvents.route("POST /contracts/{contractId}/survey-periods")
                .path("contractId", SetupApi.CONTRACT).as(People.PRIYA).body("""
                        {"label":"November 2027","opensOn":"2027-01-01","closesOn":"2027-01-31",
                         "questions":[{"questionId":"kept-informed","text":"Keeping me informed"}]}""")).json();
        assertEquals("kept-informed", created.at("/questions/0/questionId").asText());
        assertEquals(1, created.get("questions").size());
        var read = api.expect(200, HttpEvents.route("GET /survey-periods/{periodId}")
                .path("periodId", created.get("periodId").asText()).as(People.KEITH)).json();
        assertEquals("Keeping me informed", read.at("/questions/0/text").asText());
    }

    @Test
    void overlappingPeriodsWrittenAtOnceCannotBothSucceed() throws Exception {
        SetupApi api = new SetupApi();
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String opens = "2027-01-0" + (i + 1);
                Callable<Integer> write = () -> {
                    start.await();
                    return api.call(period("Q1 from " + opens, opens, "2027-03-31")).status();
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        }
        assertEquals(2, new SurveyPeriodStore(api.table.data()).ofContract(SetupApi.CONTRACT).size());
    }

    private static List<String> ids(List<Contract> contracts) {
        return contracts.stream().map(Contract::contractId).toList();
    }
}
