package org.whatmatters.functions.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.json.Json;
import org.whatmatters.testing.ApiFixture;
import org.whatmatters.testing.HttpEvents;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** The real visits handler on a fresh DynamoDB Local table with the test people seeded. */
final class VisitsApi extends ApiFixture {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final String SAMPLE_VISIT = "v-sample-1";
    /** Tomorrow's visit, not yet due: the one the cancel and reschedule samples change. */
    static final String NEXT_VISIT = "v-sample-2";

    final VisitsApiHandler handler;

    VisitsApi() {
        this(new TestTable());
    }

    private VisitsApi(TestTable table) {
        this(table, new VisitsApiHandler(VisitsComponent.create(table.env(),
                Clock.fixed(NOW, ZoneId.of("Europe/London")))));
    }

    private VisitsApi(TestTable table, VisitsApiHandler handler) {
        super(table, handler);
        this.handler = handler;
        People.seed(table.data());
        new VisitStore(table.data()).create(new Visit(SAMPLE_VISIT, People.ROSA, People.NORTH,
                ServiceType.PERSONAL_CARE, LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-23T10:00:00Z"), List.of("w-amara", "w-ben"),
                new Location("14 Orchard Lane, Leeds LS6 2AB", null, null), VisitStatus.PLANNED, null, null, null,
                null, null, null, null, null, false, null, null, null, "w-amara", NOW, NOW, 1));
    }

    /** Adds {@link #NEXT_VISIT}, Rosa's visit tomorrow at 09:00 with Amara and Ben. */
    VisitsApi withNextVisit() {
        new VisitStore(table.data()).create(Visit.planned(NEXT_VISIT, People.ROSA, People.NORTH,
                ServiceType.PERSONAL_CARE, LocalDate.of(2026, 11, 24), Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"), List.of("w-amara", "w-ben"),
                new Location("14 Orchard Lane, Leeds LS6 2AB", null, null), null, "w-amara", NOW));
        return this;
    }

    static String planBody(String start, String end, String... workers) {
        return """
                {"serviceType":"personal-care","plannedStart":"%s","plannedEnd":"%s","workerIds":%s,
                 "location":{"address":"14 Orchard Lane"}}""".formatted(start, end, Json.write(List.of(workers)));
    }

    /** Plans a visit for Rosa as Amara and answers its id. */
    String plan(String start, String end) {
        Reply r = call(HttpEvents.route("POST /clients/{clientId}/visits").path("clientId", People.ROSA)
                .as(People.AMARA).body(planBody(start, end, "w-amara")));
        assertEquals(201, r.status(), () -> r.json().toString());
        return r.json().get("visitId").asText();
    }
}
