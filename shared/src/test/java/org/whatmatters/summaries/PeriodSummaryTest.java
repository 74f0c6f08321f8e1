package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.summaries.Suppression.FEW_RESPONDENTS;
import static org.whatmatters.summaries.Suppression.SECONDARY;
import static org.whatmatters.summaries.Suppression.SMALL_COUNT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.json.Json;

class PeriodSummaryTest {

    private static final String Q = SampleCounters.Q;

    private static Map<String, Long> counters(long invited, long p, long pa, long d, long... ratingsOneToSix) {
        return SampleCounters.feedback(invited, p, pa, d, ratingsOneToSix);
    }

    private static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static final Map<String, Long> NORTH = counters(15, 10, 2, 0, 0, 0, 0, 0, 4, 8);
    private static final Map<String, Long> SOUTH = counters(15, 6, 3, 2, 0, 0, 0, 3, 3, 5);

    private static TeamFeedback team(PeriodSummary s, String id) {
        return s.teams().stream().filter(t -> t.teamId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Hand-computed. North: 12 of 15, NPS (10 − 0)/12 = 83.3, ratings 4×5 + 8×6 = 68/12 = 5.7.
     * South: 11 of 15, NPS (6 − 2)/11 = 36.4, ratings 3×4 + 3×5 + 5×6 = 57/11 = 5.2.
     * Overall: 23 of 30 = 76.7%, NPS (16 − 2)/23 = 60.9 [34.6, 87.1], ratings 125/23 = 5.4.
     */
    @Test
    void twoTeamsAboveTheThreshold() {
        PeriodSummary s = PeriodSummary.compile("2026-Q4", plus(NORTH, SOUTH), Map.of("t-south", SOUTH, "t-north", NORTH));
        assertEquals(58, s.npsBenchmark());
        FeedbackFigures all = s.overall();
        assertEquals(Figure.of(30L), all.invitations());
        assertEquals(Figure.of(23L), all.responses());
        assertEquals(Figure.of(76.7), all.responseRate());
        assertEquals(Figure.of(new Nps(60.9, 34.6, 87.1, 58)), all.nps());
        RatingSummary rating = all.ratings().getFirst();
        assertEquals(Q, rating.questionId());
        assertEquals(Figure.of(5.4), rating.average());
        assertEquals(6, rating.outOf());
        // 3 fours is a small count, so the 7 fives go with it. The 13 sixes go too (two-way table):
        // shown, 13 − South's 5 sixes = North's 8 gives North's hidden fives away (12 − 8 = 4); and with
        // South's sixes hidden as well, South's sixes being 5 or more still pins North's fives at 4.
        assertEquals(List.of(Figure.of(0L), Figure.of(0L), Figure.of(0L), Figure.suppressed(SMALL_COUNT),
                Figure.suppressed(SECONDARY), Figure.suppressed(SECONDARY)),
                rating.distribution().cells().stream().map(Cell::count).toList());
        assertEquals(Figure.of(23L), rating.distribution().total());

        assertEquals(List.of("t-north", "t-south"), s.teams().stream().map(TeamFeedback::teamId).toList());
        FeedbackFigures north = team(s, "t-north").figures();
        assertEquals(Figure.of(12L), north.responses());
        assertEquals(Figure.of(80.0), north.responseRate());
        assertEquals(Figure.of(new Nps(83.3, 62.2, 100.0, 58)), north.nps());
        assertEquals(Figure.of(5.7), north.ratings().getFirst().average());
        FeedbackFigures south = team(s, "t-south").figures();
        assertEquals(Figure.of(73.3), south.responseRate());
        assertEquals(Figure.of(new Nps(36.4, -9.2, 81.9, 58)), south.nps());
        assertEquals(Figure.of(5.2), south.ratings().getFirst().average());
    }

    @Test
    void oneTeamTooSmallTakesTheNextSmallestTeamWithIt() {
        Map<String, Long> east = counters(8, 4, 1, 1, 0, 0, 0, 0, 2, 4);
        PeriodSummary s = PeriodSummary.compile("p", plus(plus(NORTH, SOUTH), east),
                Map.of("t-north", NORTH, "t-south", SOUTH, "t-east", east));
        assertTrue(s.overall().nps().shown());
        assertEquals(Figure.of(6L), team(s, "t-east").figures().responses(), "6 responses is no small count");
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), team(s, "t-east").figures().nps());
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), team(s, "t-east").figures().ratings().getFirst().average());
        FeedbackFigures south = team(s, "t-south").figures();
        assertEquals(Figure.of(11L), south.responses());
        assertEquals(Figure.suppressed(SECONDARY), south.nps(), "else overall − north would give east's NPS away");
        assertEquals(Figure.suppressed(SECONDARY), south.ratings().getFirst().average());
        assertTrue(south.ratings().getFirst().distribution().cells().stream().noneMatch(c -> c.count().shown()));
        assertTrue(team(s, "t-north").figures().nps().shown());
    }

    @Test
    void aTeamWithASmallResponseCountHidesItAndEverythingFromIt() {
        Map<String, Long> tiny = counters(5, 2, 1, 0, 0, 0, 0, 0, 1, 2);
        PeriodSummary s = PeriodSummary.compile("p", plus(NORTH, tiny), Map.of("t-north", NORTH, "t-tiny", tiny));
        assertEquals(Figure.of(15L), s.overall().responses());
        assertEquals(Figure.suppressed(SMALL_COUNT), team(s, "t-tiny").figures().responses());
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), team(s, "t-tiny").figures().responseRate());
        FeedbackFigures north = team(s, "t-north").figures();
        assertEquals(Figure.suppressed(SECONDARY), north.responses(), "15 − 12 would give 3 away");
        assertEquals(Figure.suppressed(SECONDARY), north.responseRate(), "80% of 15 invited would give 12 away");
        assertEquals(Figure.suppressed(SECONDARY), north.nps());
        assertEquals(Figure.of(20L), s.overall().invitations());
        assertTrue(s.overall().nps().shown(), "15 respondents overall");
    }

    @Test
    void aTeamWithNoResponsesHasNothingToProtect() {
        Map<String, Long> silent = Map.of(Counter.INVITATIONS, 5L);
        PeriodSummary s = PeriodSummary.compile("p", plus(plus(NORTH, SOUTH), silent),
                Map.of("t-north", NORTH, "t-south", SOUTH, "t-silent", silent));
        assertEquals(Figure.of(0L), team(s, "t-silent").figures().responses());
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), team(s, "t-silent").figures().nps());
        assertTrue(team(s, "t-south").figures().nps().shown());
        assertTrue(team(s, "t-north").figures().nps().shown());
    }

    @Test
    void aRateIsHiddenWithItsInvitations() {
        Map<String, Long> west = counters(12, 8, 2, 0, 0, 0, 0, 0, 0, 10);
        Map<String, Long> quiet = counters(3, 0, 0, 0);
        PeriodSummary s = PeriodSummary.compile("p", plus(west, quiet), Map.of("t-west", west, "t-quiet", quiet));
        assertEquals(Figure.suppressed(SMALL_COUNT), team(s, "t-quiet").figures().invitations());
        FeedbackFigures w = team(s, "t-west").figures();
        assertEquals(Figure.suppressed(SECONDARY), w.invitations(), "15 − 12 would give 3 away");
        assertEquals(Figure.of(10L), w.responses());
        assertEquals(Figure.suppressed(SECONDARY), w.responseRate(), "10 at 83.3% would give 12 invited away");
        assertTrue(w.nps().shown());
    }

    @Test
    void anEmptyPeriod() {
        PeriodSummary s = PeriodSummary.compile("p", Map.of(Counter.INVITATIONS, 6L),
                Map.of("t-north", Map.of(Counter.INVITATIONS, 6L)));
        assertEquals(Figure.of(0L), s.overall().responses(), "zero is not disclosive");
        assertEquals(Figure.of(6L), s.overall().invitations());
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), s.overall().responseRate());
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), s.overall().nps());
        assertTrue(s.overall().ratings().isEmpty());
    }

    @Test
    void serialisesAndReadsBack() throws Exception {
        PeriodSummary s = PeriodSummary.compile("2026-Q4", plus(NORTH, SOUTH), Map.of("t-south", SOUTH, "t-north", NORTH));
        String json = Json.MAPPER.writeValueAsString(s);
        assertEquals(s, Json.MAPPER.readValue(json, PeriodSummary.class));
        assertTrue(json.contains("\"nps\":{\"value\":{\"score\":60.9,\"low\":34.6,\"high\":87.1,\"benchmark\":58}}"), json);
        assertTrue(json.contains("{\"key\":4,\"count\":{\"suppressed\":\"small-count\"}}"), json);
        assertFalse(json.contains("promoters"), json);
    }

    @Test
    void theSameInputGivesTheSameOutput() throws Exception {
        Map<String, Map<String, Long>> teams = new HashMap<>(Map.of("t-south", SOUTH, "t-north", NORTH));
        String once = Json.MAPPER.writeValueAsString(PeriodSummary.compile("p", plus(NORTH, SOUTH), teams));
        assertEquals(once, Json.MAPPER.writeValueAsString(PeriodSummary.compile("p", plus(SOUTH, NORTH),
                Map.of("t-north", NORTH, "t-south", SOUTH))));
    }
}
