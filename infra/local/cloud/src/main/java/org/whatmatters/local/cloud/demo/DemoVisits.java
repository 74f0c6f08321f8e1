package org.whatmatters.local.cloud.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.visits.VisitCounters;
import org.whatmatters.visits.VisitRules;

/** A visit a day per person, four weeks back (done, with what mattered) and one ahead (planned). */
final class DemoVisits {

    private static final String[] MATTERED = {
            "Chose her own clothes and did her hair before we arrived.",
            "We walked to the corner shop together; paid and chatted with the owner.",
            "Phoned a sister without help for the first time since the fall.",
            "Cooked a family recipe, with us only passing things.",
            "Sat in the garden for an hour and named every bird.",
            "Went to the allotment and brought back leeks for the team."};
    private static final List<ServiceType> SERVICES = List.of(ServiceType.PERSONAL_CARE, ServiceType.COMPANIONSHIP,
            ServiceType.MEAL_PREPARATION, ServiceType.COMMUNITY_ACCESS, ServiceType.WELLBEING,
            ServiceType.MEDICATION_SUPPORT);

    private DemoVisits() {
    }

    static void seed(DataTable data, List<Contract> contracts, Clock clock, ZoneId zone) {
        VisitStore visits = new VisitStore(data);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SummedCounters totals = new SummedCounters();
        InParallel.each(DemoData.PEOPLE, p -> visitsOf(p, visits,
                contracts.stream().filter(c -> c.teamIds().contains(p.teamId())).toList(), now, today, zone, totals));
        totals.write(data);
        sample(visits, zone);
        Instant tomorrow = today.plusDays(1).atTime(9, 0).atZone(zone).toInstant();
        visits.create(Visit.planned(DemoData.NEXT_VISIT, "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                today.plusDays(1), tomorrow, tomorrow.plusSeconds(3600), List.of("w-amara", "w-ben"),
                new Location("14 Orchard Lane, Leeds LS6 2AB", 53.8197, -1.5803), null, "a-priya", now));
    }

    private static void visitsOf(DemoData.Person p, VisitStore visits, List<Contract> teamContracts, Instant now,
                                 LocalDate today, ZoneId zone, SummedCounters totals) {
        int index = DemoData.PEOPLE.indexOf(p);
        List<Visit> all = new ArrayList<>();
        for (int day = -28; day <= 7; day++) {
            LocalDate date = today.plusDays(day);
            Instant start = date.atTime(LocalTime.of(p.hour(), 0)).atZone(zone).toInstant();
            Instant end = start.plusSeconds(3600);
            // Mostly the person's two regular workers; now and then a third from the team covers.
            String worker = day % 9 == 0 ? DemoData.PEOPLE.get((index + 1) % 5 + (index / 5) * 5).workers().get(0)
                    : p.workers().get(Math.floorMod(day, 2));
            String id = "v-demo-" + p.clientId().substring(2) + "-" + date;
            Location where = new Location(p.address(), p.lat(), p.lon());
            boolean done = end.isBefore(now);
            Instant in = start.plusSeconds(60L * Math.floorMod(day * 7, 11));
            Instant out = in.plusSeconds(3300 + 60L * Math.floorMod(day * 5, 13));
            ServiceType service = SERVICES.get(Math.floorMod(index + day, SERVICES.size()));
            Instant planned = start.minusSeconds(7 * 86_400);
            // Under way when the cloud starts: checked in, so the late check leaves it alone.
            boolean started = done || !in.isAfter(now);
            Visit visit = new Visit(id, p.clientId(), p.teamId(), service, date, start, end, List.of(worker), where,
                    done ? VisitStatus.COMPLETED : started ? VisitStatus.IN_PROGRESS : VisitStatus.PLANNED,
                    started ? in : null, done ? out : null,
                    started ? worker : null, done ? worker : null, started ? "All well on arrival." : null,
                    done ? "Left settled, kettle on." : null,
                    done ? MATTERED[Math.floorMod(day + p.hour(), MATTERED.length)] : null,
                    null, false, null, null, null, "a-priya", planned, done ? out : started ? in : planned,
                    done ? 3 : started ? 2 : 1);
            all.add(visit);
            if (done) {
                totals.add(ActivityCounters.count(p.teamId(), date, teamContracts,
                        b -> VisitCounters.completed(visit, VisitRules.DEFAULTS, b)));
            }
        }
        visits.createAll(all);
    }

    private static void sample(VisitStore visits, ZoneId zone) {
        // The visit the events/ samples use: Rosa, 23 Nov 2026 at 09:00 UTC, Amara and Ben.
        Instant sample = Instant.parse("2026-11-23T09:00:00Z");
        visits.create(new Visit(DemoData.SAMPLE_VISIT, "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                LocalDate.ofInstant(sample, zone), sample, sample.plusSeconds(3600), List.of("w-amara", "w-ben"),
                new Location("14 Orchard Lane, Leeds LS6 2AB", 53.8197, -1.5803), VisitStatus.PLANNED, null, null,
                null, null, null, null, null, null, false, null, null, null, "a-priya", sample.minusSeconds(86_400),
                sample.minusSeconds(86_400), 1));
    }
}
