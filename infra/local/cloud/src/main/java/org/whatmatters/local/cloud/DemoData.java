package org.whatmatters.local.cloud;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;

/**
 * Riverside Home Support, seeded through the same stores the functions use: two teams, six people
 * supported, their families, and four weeks of visits behind and one ahead of today. Deterministic
 * for a given date, so a demo looks the same on every machine.
 */
public final class DemoData {

    /** The visit the events/ samples check in and out of. */
    public static final String SAMPLE_VISIT = "v-sample-1";

    private static final Instant SINCE = Instant.parse("2026-01-05T09:00:00Z");
    private static final String[] MATTERED = {
            "Rosa chose her own clothes and did her hair before we arrived.",
            "We walked to the corner shop together; Arthur paid and chatted with the owner.",
            "Edith phoned her sister herself for the first time since the fall.",
            "George cooked his mother's stew recipe, with us only passing things.",
            "Winifred sat in the garden for an hour and named every bird.",
            "Samuel went to the allotment and brought back leeks for the team."};

    private record Person(String clientId, String teamId, String name, double hours, String address,
                          double lat, double lon, ServiceType usual, List<String> workers, int hour) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("c-rosa", "t-north", "Rosa Bennett", 14, "14 Orchard Lane, Leeds LS6 2AB", 53.8197, -1.5803,
                    ServiceType.PERSONAL_CARE, List.of("w-amara", "w-ben"), 9),
            new Person("c-edith", "t-north", "Edith Clarke", 7, "3 Mill Row, Leeds LS6 3DF", 53.8211, -1.5770,
                    ServiceType.COMPANIONSHIP, List.of("w-dev", "w-amara"), 14),
            new Person("c-george", "t-north", "George Patel", 10.5, "22 Cardigan Road, Leeds LS6 1LJ", 53.8150,
                    -1.5790, ServiceType.MEAL_PREPARATION, List.of("w-ben", "w-dev"), 17),
            new Person("c-arthur", "t-south", "Arthur Hale", 10.5, "8 Beeston Hill, Leeds LS11 8ND", 53.7802,
                    -1.5590, ServiceType.COMMUNITY_ACCESS, List.of("w-chloe", "w-femi"), 10),
            new Person("c-winifred", "t-south", "Winifred Ames", 12, "41 Elland Road, Leeds LS11 0AB", 53.7781,
                    -1.5720, ServiceType.WELLBEING, List.of("w-gita", "w-chloe"), 11),
            new Person("c-samuel", "t-south", "Samuel Osei", 5, "2 Holbeck Moor, Leeds LS11 9QT", 53.7850,
                    -1.5610, ServiceType.MEDICATION_SUPPORT, List.of("w-femi", "w-gita"), 8));

    private static final List<String[]> MEMBERS = List.of(
            new String[]{"t-north", "w-amara", "Amara"}, new String[]{"t-north", "w-ben", "Ben"},
            new String[]{"t-north", "w-dev", "Dev"}, new String[]{"t-north", "w-esme", "Esme"},
            new String[]{"t-south", "w-chloe", "Chloe"}, new String[]{"t-south", "w-femi", "Femi"},
            new String[]{"t-south", "w-gita", "Gita"}, new String[]{"t-south", "w-hal", "Hal"});

    private DemoData() {
    }

    /** True when the table already holds the demo provider (a kept --data-dir): nothing is written. */
    public static boolean seed(DataTable data, Clock clock, ZoneId zone) {
        TeamStore teams = new TeamStore(data);
        if (teams.find("t-north").isPresent()) {
            return false;
        }
        teams.put(new Team("t-north", "Riverside North", SINCE));
        teams.put(new Team("t-south", "Riverside South", SINCE));
        MEMBERS.forEach(m -> teams.putMember(new TeamMember(m[0], m[1], m[2], SINCE)));
        ClientStore clients = new ClientStore(data);
        PEOPLE.forEach(p -> clients.put(new Client(p.clientId(), p.teamId(), p.name(), p.hours(), SINCE)));
        FamilyLinkStore links = new FamilyLinkStore(data);
        links.put(new FamilyLink("c-rosa", "f-maria", "Maria", "daughter", SINCE, null));
        links.put(new FamilyLink("c-arthur", "f-tom", "Tom", "son", SINCE, null));
        links.put(new FamilyLink("c-rosa", "f-former", "Jo", "niece", SINCE, SINCE.plusSeconds(86_400)));
        visits(new VisitStore(data), clock, zone);
        return true;
    }

    private static void visits(VisitStore visits, Clock clock, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // One writer per person, so round trips to DynamoDB Local overlap (measured: 1.9 s -> 1.6 s at start-up).
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> done = PEOPLE.stream()
                    .map(p -> writers.submit(() -> visitsOf(p, visits, now, today, zone))).toList();
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo visits", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not seed the demo visits", e.getCause());
        }
        sample(visits, zone);
    }

    private static Void visitsOf(Person p, VisitStore visits, Instant now, LocalDate today, ZoneId zone) {
        for (int day = -28; day <= 7; day++) {
            LocalDate date = today.plusDays(day);
            Instant start = date.atTime(LocalTime.of(p.hour(), 0)).atZone(zone).toInstant();
            Instant end = start.plusSeconds(3600);
            String worker = p.workers().get(Math.floorMod(day, 2));
            String id = "v-demo-" + p.clientId().substring(2) + "-" + date;
            Location where = new Location(p.address(), p.lat(), p.lon());
            boolean done = end.isBefore(now);
            Instant in = start.plusSeconds(60L * Math.floorMod(day * 7, 11));
            Instant out = in.plusSeconds(3600 + 60L * Math.floorMod(day * 5, 13));
            visits.create(new Visit(id, p.clientId(), p.teamId(), p.usual(), date, start, end, List.of(worker),
                    where, done ? VisitStatus.COMPLETED : VisitStatus.PLANNED, done ? in : null,
                    done ? out : null, done ? worker : null, done ? worker : null,
                    done ? "All well on arrival." : null, done ? "Left settled, kettle on." : null,
                    done ? MATTERED[Math.floorMod(day + p.hour(), MATTERED.length)] : null,
                    "a-priya", start.minusSeconds(7 * 86_400), done ? out : start.minusSeconds(7 * 86_400),
                    done ? 3 : 1));
        }
        return null;
    }

    private static void sample(VisitStore visits, ZoneId zone) {
        // The visit the events/ samples use: Rosa, 23 Nov 2026 at 09:00 UTC, Amara and Ben.
        Instant sample = Instant.parse("2026-11-23T09:00:00Z");
        visits.create(new Visit(SAMPLE_VISIT, "c-rosa", "t-north", ServiceType.PERSONAL_CARE,
                LocalDate.ofInstant(sample, zone), sample, sample.plusSeconds(3600), List.of("w-amara", "w-ben"),
                new Location("14 Orchard Lane, Leeds LS6 2AB", 53.8197, -1.5803), VisitStatus.PLANNED, null, null,
                null, null, null, null, null, "a-priya", sample.minusSeconds(86_400), sample.minusSeconds(86_400), 1));
    }
}
