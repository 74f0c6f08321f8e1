package org.whatmatters.local.cloud.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.whatmatters.auth.Caller;
import org.whatmatters.config.Env;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.CommissionerAccountStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyInviteStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.PlannedHoursStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contact;
import org.whatmatters.domain.CommissionerAccount;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.FamilyInvite;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.invites.InviteCode;

/**
 * Riverside Home Support: two teams of four, ten people supported with their families, two
 * commissioner contracts, visits four weeks back and one ahead, stories, health events, shifts and
 * three quarterly survey periods with their answers. Identities have the fixed ids the events/
 * samples use; records go through the domain services, so every running aggregate is written too.
 * Deterministic for a given date.
 */
public final class DemoData {

    /** The visit the events/ samples check in and out of. */
    public static final String SAMPLE_VISIT = "v-sample-1";
    /** The visit the cancel and reschedule samples change: Rosa's, tomorrow at 09:00, not yet due. */
    public static final String NEXT_VISIT = "v-sample-2";
    /** The pending invite code the events/setup samples accept. */
    public static final String SAMPLE_INVITE_CODE = "SampleInviteCodeForEventsOnly_0123456789abc";

    static final Instant SINCE = Instant.parse("2026-01-05T09:00:00Z");

    record Person(String clientId, String teamId, String name, double hours, String address, double lat, double lon,
                  List<String> workers, int hour, List<String> family) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("c-rosa", "t-north", "Rosa Bennett", 14, "14 Orchard Lane, Leeds LS6 2AB", 53.8197, -1.5803,
                    List.of("w-amara", "w-ben"), 9, List.of("f-maria", "f-rosa-2")),
            new Person("c-edith", "t-north", "Edith Clarke", 7, "3 Mill Row, Leeds LS6 3DF", 53.8211, -1.5770,
                    List.of("w-dev", "w-amara"), 14, List.of("f-edith-1", "f-edith-2")),
            new Person("c-george", "t-north", "George Patel", 10.5, "22 Cardigan Road, Leeds LS6 1LJ", 53.8150,
                    -1.5790, List.of("w-ben", "w-esme"), 17, List.of("f-george-1", "f-george-2")),
            new Person("c-ivy", "t-north", "Ivy Nolan", 8, "5 Ash Grove, Leeds LS6 1DD", 53.8170, -1.5650,
                    List.of("w-esme", "w-dev"), 11, List.of("f-ivy-1", "f-ivy-2")),
            new Person("c-jim", "t-north", "Jim Okafor", 6, "17 Brudenell Road, Leeds LS6 1HA", 53.8120, -1.5720,
                    List.of("w-amara", "w-esme"), 16, List.of("f-jim-1", "f-jim-2")),
            new Person("c-arthur", "t-south", "Arthur Hale", 10.5, "8 Beeston Hill, Leeds LS11 8ND", 53.7802,
                    -1.5590, List.of("w-chloe", "w-femi"), 10, List.of("f-tom", "f-arthur-2")),
            new Person("c-winifred", "t-south", "Winifred Ames", 12, "41 Elland Road, Leeds LS11 0AB", 53.7781,
                    -1.5720, List.of("w-gita", "w-chloe"), 11, List.of("f-winifred-1", "f-winifred-2")),
            new Person("c-samuel", "t-south", "Samuel Osei", 5, "2 Holbeck Moor, Leeds LS11 9QT", 53.7850, -1.5610,
                    List.of("w-femi", "w-gita"), 8, List.of("f-samuel-1", "f-samuel-2")),
            new Person("c-mabel", "t-south", "Mabel Reid", 9, "60 Dewsbury Road, Leeds LS11 5HS", 53.7830, -1.5420,
                    List.of("w-hal", "w-femi"), 15, List.of("f-mabel-1", "f-mabel-2")),
            new Person("c-ken", "t-south", "Ken Ashworth", 7.5, "9 Cross Flatts Grove, Leeds LS11 7BN", 53.7770,
                    -1.5560, List.of("w-chloe", "w-hal"), 13, List.of("f-ken-1", "f-ken-2")));

    static final List<TeamMember> MEMBERS = List.of(
            new TeamMember("t-north", "w-amara", "Amara", SINCE), new TeamMember("t-north", "w-ben", "Ben", SINCE),
            new TeamMember("t-north", "w-dev", "Dev", SINCE), new TeamMember("t-north", "w-esme", "Esme", SINCE),
            new TeamMember("t-south", "w-chloe", "Chloe", SINCE), new TeamMember("t-south", "w-femi", "Femi", SINCE),
            new TeamMember("t-south", "w-gita", "Gita", SINCE), new TeamMember("t-south", "w-hal", "Hal", SINCE));

    private DemoData() {
    }

    /**
     * Seeds the table named in {@code env} (TABLE_NAME, endpoints, keys, TIME_ZONE). False, and
     * nothing written, when it already holds the demo provider (a kept --data-dir).
     */
    public static boolean seed(Env env, Clock clock) {
        DemoServices now = DemoServices.at(env, clock);
        DataTable data = now.data();
        TeamStore teams = new TeamStore(data);
        if (teams.find("t-north").isPresent()) {
            return false;
        }
        ZoneId zone = env.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        teams.put(new Team("t-north", "Riverside North", SINCE));
        teams.put(new Team("t-south", "Riverside South", SINCE));
        InParallel.each(MEMBERS, teams::putMember);
        List<Contract> contracts = contracts(new ContractStore(data), today);
        // Keith and Ruth see their councils' contracts through these accounts, not through their tokens.
        CommissionerAccountStore accounts = new CommissionerAccountStore(data);
        accounts.put(new CommissionerAccount("comm-ridgeshire", "k-keith", "Keith", "a-priya", SINCE));
        accounts.put(new CommissionerAccount("comm-eastvale", "k-ruth", "Ruth", "a-priya", SINCE));
        clients(data, today, clock.instant());
        InParallel.all(() -> DemoVisits.seed(data, contracts, clock, zone), () -> DemoRecords.seed(now, contracts, clock, zone),
                () -> DemoFeedback.seed(env, data, contracts.getFirst(), clock, zone));
        if (env.get("SUMMARIES_BUCKET").isPresent()) {
            DemoSummaries.seed(now.summaries(), data, today);
        }
        return true;
    }

    static Caller caller(String sub, String role, String teamId) {
        return Caller.fromClaims(DemoUser.claims(sub, role, teamId));
    }

    private static List<Contract> contracts(ContractStore store, LocalDate today) {
        LocalDate quarter = DemoFeedback.quarterStart(today);
        List<Contract> contracts = List.of(
                new Contract("ct-ridgeshire", "comm-ridgeshire", "Ridgeshire County Council", List.of("t-north", "t-south"),
                        quarter.minusMonths(6), quarter.minusMonths(6).plusYears(1).minusDays(1), "a-priya", SINCE, 1),
                new Contract("ct-eastvale", "comm-eastvale", "Eastvale Borough Council", List.of("t-north"),
                        quarter.minusMonths(3), quarter.minusMonths(3).plusYears(1).minusDays(1), "a-priya", SINCE, 1));
        contracts.forEach(store::create);
        return contracts;
    }

    private static void clients(DataTable data, LocalDate today, Instant now) {
        PlannedHoursStore hours = new PlannedHoursStore(data);
        FamilyLinkStore links = new FamilyLinkStore(data);
        ContactStore contacts = new ContactStore(data);
        LocalDate began = today.minusMonths(8).withDayOfMonth(1);
        InParallel.each(PEOPLE, p -> {
            // Rosa and Samuel needed less support as things improved: their plans were cut since.
            boolean reduced = p.clientId().equals("c-rosa") || p.clientId().equals("c-samuel");
            double first = reduced ? p.hours() + 2 : p.hours();
            Client client = new Client(p.clientId(), p.teamId(), p.name(), first, SINCE);
            hours.createClient(client, new PlannedHoursChange(p.clientId(), p.teamId(), 1, first, null, began,
                    "care plan agreed", "a-priya", SINCE));
            if (reduced) {
                LocalDate on = today.minusWeeks(6);
                hours.change(client, new PlannedHoursChange(p.clientId(), p.teamId(), 2, p.hours(), first, on,
                        "more independent with mornings", "a-priya", on.atStartOfDay(ZoneId.of("UTC")).toInstant()));
            }
            List<String> relationships = List.of("daughter", "son", "niece", "grandson");
            for (int i = 0; i < p.family().size(); i++) {
                String sub = p.family().get(i);
                links.put(new FamilyLink(p.clientId(), sub, name(sub), relationships.get(i % 4), SINCE, null));
                // Their sign-in verified this address (DemoUser.email): notifications can reach them by e-mail.
                contacts.put(Contact.none(sub).withEmail(DemoUser.email(name(sub))));
            }
        });
        links.put(new FamilyLink("c-rosa", "f-former", "Jo", "niece", SINCE, SINCE.plusSeconds(86_400)));
        new FamilyInviteStore(data).create(new FamilyInvite(InviteCode.hash(SAMPLE_INVITE_CODE), "c-rosa", "t-north",
                "Sam", "grandson", null, "w-amara", now, now.plusSeconds(7 * 86_400), null, null));
    }

    /** Display names of demo family members: the two with dev tokens, and made-up ones for the rest. */
    static String name(String sub) {
        return switch (sub) {
            case "f-maria" -> "Maria";
            case "f-tom" -> "Tom";
            default -> "Family " + sub.substring(2);
        };
    }

    static List<String> allFamily() {
        List<String> all = new ArrayList<>();
        PEOPLE.forEach(p -> all.addAll(p.family()));
        return all;
    }
}
