package org.whatmatters.functions.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.Counters;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Cancellation;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.testing.People;
import org.whatmatters.visits.VisitCounters;
import org.whatmatters.visits.VisitRules;

/**
 * Visits of November 2026 (GMT, so the provider's day is the UTC day) stored with the counters the visits service
 * writes as each ends. Rosa (north): v-n1 on time (09:05–10:00); v-n2 40 minutes late and short (09:40–10:20, by
 * Amara and Ben); v-n3 missed; v-n4 cancelled by the family a day before; v-n6 on 30 November, still planned;
 * v-n5 on 30 October (not November's). Arthur (south): v-s1 on time, at an address a spreadsheet would run as a
 * formula.
 */
final class RotaVisits {

    static final String ADDRESS = "14 Orchard Lane, Leeds LS6 2AB";
    static final String FORMULA_ADDRESS = "=HYPERLINK(\"http://x.example\",\"click\")";
    private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

    private RotaVisits() {
    }

    static void seed(SummariesApi api) {
        VisitStore visits = new VisitStore(api.table.data());
        ActivityCounters counters = new ActivityCounters(new ContractStore(api.table.data()));
        Visit n1 = plan("v-n1", People.ROSA, People.NORTH, "2026-11-02", List.of("w-amara"), ADDRESS);
        done(visits, counters, n1, "09:05", "10:00");
        done(visits, counters, plan("v-n2", People.ROSA, People.NORTH, "2026-11-03", List.of("w-amara", "w-ben"),
                ADDRESS), "09:40", "10:20");
        Visit n3 = plan("v-n3", People.ROSA, People.NORTH, "2026-11-04", List.of("w-ben"), ADDRESS).flaggedMissed(AT);
        visits.create(n3, count(counters, n3, b -> VisitCounters.missed(n3, b)));
        Visit n4 = plan("v-n4", People.ROSA, People.NORTH, "2026-11-05", List.of("w-amara"), ADDRESS)
                .cancelled(new Cancellation(CancellationRequester.FAMILY, "at the dentist",
                        Instant.parse("2026-11-04T09:00:00Z"), AT, "a-priya"), AT);
        visits.create(n4, count(counters, n4, b -> VisitCounters.cancelled(n4, b)));
        done(visits, counters, plan("v-n5", People.ROSA, People.NORTH, "2026-10-30", List.of("w-amara"), ADDRESS),
                "09:00", "10:00");
        visits.create(plan("v-n6", People.ROSA, People.NORTH, "2026-11-30", List.of("w-amara"), ADDRESS));
        done(visits, counters, plan("v-s1", People.ARTHUR, People.SOUTH, "2026-11-10", List.of("w-chloe"),
                FORMULA_ADDRESS), "09:00", "10:00");
    }

    private static Visit plan(String id, String client, String team, String day, List<String> workers, String address) {
        Instant start = Instant.parse(day + "T09:00:00Z");
        return Visit.planned(id, client, team, ServiceType.PERSONAL_CARE, LocalDate.parse(day), start,
                start.plusSeconds(3600), workers, new Location(address, 53.8, -1.57), null, "a-priya", AT);
    }

    private static void done(VisitStore visits, ActivityCounters counters, Visit v, String in, String out) {
        Visit ended = v.checkedIn(Instant.parse(v.serviceDate() + "T" + in + ":00Z"), v.workerIds().getFirst(), null, AT)
                .checkedOut(Instant.parse(v.serviceDate() + "T" + out + ":00Z"), v.workerIds().getFirst(), null, null, AT);
        visits.create(ended, count(counters, ended, b -> VisitCounters.completed(ended, VisitRules.DEFAULTS, b)));
    }

    private static List<Counters> count(ActivityCounters counters, Visit v, Consumer<Counters.Builder> deltas) {
        return counters.count(v.teamId(), v.serviceDate(), deltas);
    }
}
