package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.whatmatters.summaries.Suppression.FEW_RESPONDENTS;
import static org.whatmatters.summaries.Suppression.SECONDARY;
import static org.whatmatters.summaries.Suppression.SMALL_COUNT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.domain.HealthEventType;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.json.Json;

class ActivityTest {

    private static final Map<String, Long> OCTOBER = Map.of(
            Counter.VISITS, 10L, Counter.CARE_MINUTES, 600L, Counter.SHIFT_MINUTES, 800L,
            Counter.HEALTH_EVENTS, 3L, Counter.healthEvents("fall"), 2L, Counter.healthEvents("gp-call-out"), 1L,
            Counter.STORIES, 2L, Counter.stories("independence", "family"), 1L,
            Counter.stories("dignity", "team"), 1L, Counter.visitsBy("c-rosa", "w-amara"), 10L);
    private static final Map<String, Long> NOVEMBER = Map.of(
            Counter.VISITS, 5L, Counter.CARE_MINUTES, 300L, Counter.SHIFT_MINUTES, 400L,
            Counter.HEALTH_EVENTS, 1L, Counter.healthEvents("fall"), 1L,
            Counter.STORIES, 1L, Counter.stories("independence", "commissioner-anonymised"), 1L,
            Counter.visitsBy("c-rosa", "w-ben"), 5L);

    @Test
    void teamDashboardOverTwoMonths() {
        TeamActivity t = TeamActivity.compile(List.of(OCTOBER, NOVEMBER), 1500);
        assertEquals(15, t.visits());
        assertEquals(900, t.careMinutes());
        assertEquals(1200, t.shiftMinutes());
        assertEquals(0.75, t.magicNumber(), "900 care minutes over 1,200 paid");
        assertEquals(List.of(
                new HealthRate(HealthEventType.HOSPITAL_ADMISSION, 0, 0.0),
                new HealthRate(HealthEventType.AE_ATTENDANCE, 0, 0.0),
                new HealthRate(HealthEventType.FALL, 3, 2.0),
                new HealthRate(HealthEventType.GP_CALL_OUT, 1, 0.67)), t.health());
        assertEquals(List.of(new DomainCount(OutcomeDomain.INDEPENDENCE, 2), new DomainCount(OutcomeDomain.DIGNITY, 1),
                new DomainCount(OutcomeDomain.WELLBEING, 0), new DomainCount(OutcomeDomain.RELATIONSHIPS_COMMUNITY, 0),
                new DomainCount(OutcomeDomain.TRUST, 0), new DomainCount(OutcomeDomain.CONTINUITY, 0)), t.stories());
        // Rosa: 10 by Amara, 5 by Ben → (100 + 25 − 15) / (15·14) = 0.52
        assertEquals(new Continuity(1, 2.0, 0.52, 1), t.continuity());
    }

    @Test
    void noShiftsNoMagicNumberNoClientDaysNoRates() {
        TeamActivity t = TeamActivity.compile(List.of(Map.of(Counter.CARE_MINUTES, 60L, Counter.healthEvents("fall"), 1L)), 0);
        assertNull(t.magicNumber());
        assertNull(t.health().get(2).per1000ClientDays());
    }

    @Test
    void commissionersSeeNoMagicNumber() {
        assertFalse(Arrays.stream(ContractActivity.class.getRecordComponents())
                .anyMatch(c -> c.getName().toLowerCase().contains("magic") || c.getName().toLowerCase().contains("shift")));
    }

    @Test
    void contractHealthEventsUnderDisclosureControl() {
        Map<String, Long> month = Map.of(Counter.healthEvents("hospital-admission"), 6L, Counter.healthEvents("fall"), 12L,
                Counter.healthEvents("gp-call-out"), 3L, Counter.HEALTH_EVENTS, 21L, Counter.VISITS, 400L);
        ContractActivity c = ContractActivity.compile(List.of(month), 3000);
        assertEquals(Figure.of(21L), c.healthEvents());
        assertEquals(List.of(
                new HealthFigure(HealthEventType.HOSPITAL_ADMISSION, Figure.suppressed(SECONDARY), Figure.suppressed(SECONDARY)),
                new HealthFigure(HealthEventType.AE_ATTENDANCE, Figure.of(0L), Figure.of(0.0)),
                new HealthFigure(HealthEventType.FALL, Figure.of(12L), Figure.of(4.0)),
                new HealthFigure(HealthEventType.GP_CALL_OUT, Figure.suppressed(SMALL_COUNT), Figure.suppressed(SMALL_COUNT))),
                c.health(), "a rate would give its count away, so it goes with it");
        assertEquals(Figure.of(400L), c.visits());
    }

    @Test
    void contractStoriesAndContinuity() {
        ContractActivity c = ContractActivity.compile(List.of(OCTOBER, NOVEMBER), 1500);
        assertEquals(Figure.suppressed(SMALL_COUNT), c.stories());
        assertEquals(new Cell<>(OutcomeDomain.INDEPENDENCE, Figure.suppressed(SMALL_COUNT)), c.storiesByDomain().get(0));
        assertEquals(new Cell<>(OutcomeDomain.WELLBEING, Figure.of(0L)), c.storiesByDomain().get(2));
        assertEquals(Figure.suppressed(FEW_RESPONDENTS), c.continuity(), "one client is too few to publish");
        assertEquals(Figure.suppressed(SMALL_COUNT), c.healthEvents());
    }

    @Test
    void contractContinuityOverTenClients() throws Exception {
        Map<String, Long> month = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            month.put(Counter.visitsBy("c-" + i, "w-1"), 4L);
            month.put(Counter.visitsBy("c-" + i, "w-" + (i % 2 == 0 ? 1 : 2)), 4L);
        }
        ContractActivity c = ContractActivity.compile(List.of(month), 300);
        // even clients: 4 visits by one worker (1.0); odd: 4 + 4 → (32 − 8) / (8·7) = 0.43; mean 0.71
        assertEquals(Figure.of(new Continuity(10, 1.5, 0.71, 10)), c.continuity());
        String json = Json.MAPPER.writeValueAsString(c);
        assertFalse(json.contains("c-0") || json.contains("w-1"), json);
        assertEquals(c, Json.MAPPER.readValue(json, ContractActivity.class));
    }
}
