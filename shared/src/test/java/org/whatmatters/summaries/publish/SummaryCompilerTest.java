package org.whatmatters.summaries.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.Counters;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.PlannedHoursStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SummaryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.data.Transaction;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.PlannedHoursChange;
import org.whatmatters.domain.SharingConsent;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.visits.VisitRules;
import org.whatmatters.json.Json;
import org.whatmatters.summaries.SampleCounters;
import org.whatmatters.testing.People;
import org.whatmatters.testing.SchemaCheck;
import org.whatmatters.testing.TestBucket;
import org.whatmatters.testing.TestTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The compiler against DynamoDB Local and S3Proxy. The contract covers both teams; its five
 * quarterly periods run from summer 2025 to summer 2026 (July–September), and a sixth, autumn
 * 2026, has just opened on the day of the runs (2 October 2026). Activity is counted for July to
 * September 2026. Eleven clients: Rosa and eight others in North (from 2025), Ivy in North from
 * 1 August, Arthur in South until his plan ends on 21 September.
 */
class SummaryCompilerTest {

    private static final Instant SEEDED = Instant.parse("2025-05-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-10-02T06:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 2);
    private static final String CONTRACT = "ct-ridge";
    private static final String COMMISSIONER = "comm-ridgeshire";
    private static final String NORTH = People.NORTH;
    private static final String SOUTH = People.SOUTH;
    private static final String Q = SampleCounters.Q;
    private static final String IVY = "c-ivy";
    private static final List<String> OTHERS = List.of("c-n1", "c-n2", "c-n3", "c-n4", "c-n5", "c-n6", "c-n7", "c-n8");
    private static final List<String> OTHER_NAMES = List.of("Nell Hughes", "Olive Price", "Percy Shaw", "Queenie Ward",
            "Reg Lloyd", "Stan Moss", "Una Barker", "Vera Knight");

    /** Period ids, oldest first, and the one that has just opened. */
    private static final List<String> PERIODS = List.of("p-2025-q3", "p-2025-q4", "p-2026-q1", "p-2026-q2", "p-2026-q3");
    private static final String CURRENT = "p-2026-q3";
    private static final String OPEN = "p-2026-q4";

    private TestTable table;
    private TestBucket bucket;
    private DataTable data;
    private SummaryStore catalogue;

    private SummaryCompiler compiler(Instant now) {
        return new SummaryCompiler(new AggregateStore(data), new ContractStore(data), new SurveyPeriodStore(data),
                new TeamStore(data), new ClientStore(data), new FamilyLinkStore(data), new PlannedHoursStore(data),
                new StoryStore(data), new SummaryStore(data),
                new SummaryBucket(bucket.s3().client(), bucket.s3().presigner(), bucket.name()),
                new VisitMonths(new VisitStore(data), new TeamStore(data), VisitRules.DEFAULTS,
                        Clock.fixed(now, ZoneOffset.UTC)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private SummaryCompiler compiler() {
        return compiler(NOW);
    }

    @BeforeEach
    void seed() {
        table = new TestTable();
        bucket = new TestBucket();
        data = table.data();
        catalogue = new SummaryStore(data);
        People.seed(data);
        ContractStore contracts = new ContractStore(data);
        contracts.create(new Contract(CONTRACT, COMMISSIONER, "Ridgeshire County Council", List.of(NORTH, SOUTH),
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), "a-priya", SEEDED, 0));
        SurveyPeriodStore periods = new SurveyPeriodStore(data);
        List<String> labels = List.of("Summer 2025", "Autumn 2025", "Winter 2026", "Spring 2026", "Summer 2026",
                "Autumn 2026");
        List<String> ids = new ArrayList<>(PERIODS);
        ids.add(OPEN);
        LocalDate opens = LocalDate.of(2025, 7, 1);
        for (int i = 0; i < ids.size(); i++) {
            SurveyPeriod p = new SurveyPeriod(ids.get(i), CONTRACT, labels.get(i), opens, opens.plusMonths(3).minusDays(1),
                    List.of(new SurveyQuestion(Q, "Positive impact on life")), "a-priya", SEEDED);
            assertTrue(periods.create(p, contracts.find(CONTRACT).orElseThrow()));
            opens = opens.plusMonths(3);
        }
        // Feedback: North 12 of 15 + i invited, South 11 of 15; the same answers each period.
        for (int i = 0; i < PERIODS.size(); i++) {
            Map<String, Long> north = SampleCounters.feedback(15 + i, 10, 2, 0, 0, 0, 0, 0, 4, 8);
            Map<String, Long> south = SampleCounters.feedback(15, 6, 3, 2, 0, 0, 0, 3, 3, 5);
            count(AggregateKey.periodTeam(PERIODS.get(i), NORTH), north);
            count(AggregateKey.periodTeam(PERIODS.get(i), SOUTH), south);
            count(AggregateKey.period(PERIODS.get(i)), plus(north, south));
        }

        ClientStore clients = new ClientStore(data);
        PlannedHoursStore plans = new PlannedHoursStore(data);
        LocalDate before = LocalDate.of(2025, 6, 1);
        plan(plans, clients, People.ROSA, NORTH, 1, 14, null, before);
        plan(plans, clients, People.ROSA, NORTH, 2, 10, 14.0, LocalDate.of(2026, 8, 15));
        plan(plans, clients, People.ARTHUR, SOUTH, 1, 10.5, null, before);
        plan(plans, clients, People.ARTHUR, SOUTH, 2, 0, 10.5, LocalDate.of(2026, 9, 21));
        for (int i = 0; i < OTHERS.size(); i++) {
            Client c = new Client(OTHERS.get(i), NORTH, OTHER_NAMES.get(i), 5, SEEDED);
            plans.createClient(c, change(c.clientId(), NORTH, 1, 5, null, before));
        }
        plans.createClient(new Client(IVY, NORTH, "Ivy Turner", 7, SEEDED),
                change(IVY, NORTH, 1, 7, null, LocalDate.of(2026, 8, 1)));

        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            Map<String, Long> north = northMonth(m);
            Map<String, Long> south = southMonth();
            count(AggregateKey.teamMonth(NORTH, m), north);
            count(AggregateKey.teamMonth(SOUTH, m), south);
            count(AggregateKey.contractMonth(CONTRACT, m), plus(north, south));
        }

        StoryStore stories = new StoryStore(data);
        stories.create(story("s-1", People.ROSA, NORTH, "Rosa's garden", "Rosa Bennett and Amara planted tomatoes; "
                + "Maria (f-maria) brought seeds. Ring Maria on 07700 900123 or maria@example.com.",
                LocalDate.of(2026, 7, 10), List.of(OutcomeDomain.WELLBEING), SharingConsent.COMMISSIONER_ANONYMISED,
                "w-amara", OutcomeStory.AuthorRole.WORKER, "Amara"), List.of());
        stories.create(story("s-2", People.ARTHUR, SOUTH, "Out with Chloe",
                "Arthur walked to the shop with Chloe. Tom said c-arthur was proud.", LocalDate.of(2026, 8, 5),
                List.of(OutcomeDomain.INDEPENDENCE), SharingConsent.COMMISSIONER_ANONYMISED, "f-tom",
                OutcomeStory.AuthorRole.FAMILY, "Tom"), List.of());
        stories.create(story("s-3", People.ROSA, NORTH, "A concert",
                "Ben and Dev took Rosa to the benchmark concert; Hale's band played. Jo waved from the device stall.",
                LocalDate.of(2026, 9, 1), List.of(OutcomeDomain.RELATIONSHIPS_COMMUNITY, OutcomeDomain.WELLBEING),
                SharingConsent.COMMISSIONER_ANONYMISED, "w-ben", OutcomeStory.AuthorRole.WORKER, "Ben"), List.of());
        // older than the three newest
        stories.create(story("s-4", "c-n1", NORTH, "Older", "Nell Hughes (c-n1) baked bread.", LocalDate.of(2026, 7, 2),
                List.of(OutcomeDomain.INDEPENDENCE), SharingConsent.COMMISSIONER_ANONYMISED, "w-dev",
                OutcomeStory.AuthorRole.WORKER, "Dev"), List.of());
        // newest, but not shared with commissioners
        stories.create(story("s-5", People.ROSA, NORTH, "Family only", "Rosa's private news.", LocalDate.of(2026, 9, 10),
                List.of(OutcomeDomain.DIGNITY), SharingConsent.FAMILY, "w-amara", OutcomeStory.AuthorRole.WORKER,
                "Amara"), List.of());
        // shared, but from the period before
        stories.create(story("s-6", People.ROSA, NORTH, "Last quarter", "Rosa in June.", LocalDate.of(2026, 6, 20),
                List.of(OutcomeDomain.TRUST), SharingConsent.COMMISSIONER_ANONYMISED, "w-amara",
                OutcomeStory.AuthorRole.WORKER, "Amara"), List.of());
    }

    /**
     * North each month: Rosa 8 visits by Amara and 2 by Ben, each of the eight others 10 by Dev, Ivy
     * (from August) 4 by Amara; 45 minutes a visit, 6,000 paid minutes, two falls, a story.
     */
    private static Map<String, Long> northMonth(YearMonth m) {
        Map<String, Long> c = new HashMap<>();
        long visits = 0;
        c.put(Counter.visitsBy(People.ROSA, "w-amara"), 8L);
        c.put(Counter.visitsBy(People.ROSA, "w-ben"), 2L);
        visits += 10;
        for (String other : OTHERS) {
            c.put(Counter.visitsBy(other, "w-dev"), 10L);
            visits += 10;
        }
        if (!m.isBefore(YearMonth.of(2026, 8))) {
            c.put(Counter.visitsBy(IVY, "w-amara"), 4L);
            visits += 4;
        }
        c.put(Counter.VISITS, visits);
        c.put(Counter.CARE_MINUTES, visits * 45);
        c.put(Counter.SHIFT_MINUTES, 6_000L);
        c.put(Counter.HEALTH_EVENTS, 2L);
        c.put(Counter.healthEvents("fall"), 2L);
        c.put(Counter.STORIES, 1L);
        c.put(Counter.stories("wellbeing", "commissioner-anonymised"), 1L);
        return c;
    }

    /** South each month: Arthur 12 visits by Chloe. */
    private static Map<String, Long> southMonth() {
        Map<String, Long> c = new HashMap<>();
        c.put(Counter.visitsBy(People.ARTHUR, "w-chloe"), 12L);
        c.put(Counter.VISITS, 12L);
        c.put(Counter.CARE_MINUTES, 12L * 60);
        c.put(Counter.SHIFT_MINUTES, 1_000L);
        return c;
    }

    private void count(AggregateKey key, Map<String, Long> counters) {
        Transaction.on(data).add(new Counters(key, counters)).commit();
    }

    private static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static PlannedHoursChange change(String client, String team, int seq, double hours, Double previous,
                                             LocalDate from) {
        return new PlannedHoursChange(client, team, seq, hours, previous, from, "review", "a-priya", SEEDED);
    }

    private static void plan(PlannedHoursStore plans, ClientStore clients, String client, String team, int seq,
                             double hours, Double previous, LocalDate from) {
        assertTrue(plans.change(clients.find(client).orElseThrow(), change(client, team, seq, hours, previous, from)));
    }

    private static OutcomeStory story(String id, String client, String team, String title, String text, LocalDate date,
                                      List<OutcomeDomain> domains, SharingConsent consent, String by,
                                      OutcomeStory.AuthorRole role, String author) {
        return new OutcomeStory(id, client, team, title, text, date, domains, List.of(), consent, by, role, author,
                date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private SurveyPeriod period(String id) {
        return new SurveyPeriodStore(data).find(id).orElseThrow();
    }

    private Team team(String id) {
        return new TeamStore(data).find(id).orElseThrow();
    }

    private JsonNode json(SummaryEntry e) throws IOException {
        return Json.MAPPER.readTree(bucket.get(e.file("json").key()));
    }

    private String text(SummaryEntry e, String format) {
        return new String(bucket.get(e.file(format).key()), StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    // ---- commissioner summaries -------------------------------------------------------------

    @Test
    void compilingAgainGivesTheSameBytes() {
        SummaryEntry first = compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya");
        Map<String, byte[]> files = new HashMap<>();
        first.files().forEach(f -> files.put(f.key(), bucket.get(f.key())));
        // later, by someone else: only the catalogue's record of the run changes
        SummaryEntry again = compiler(NOW.plusSeconds(3_600)).commissionerSummary(period(CURRENT), TODAY, "scheduler");
        assertEquals(first.files(), again.files());
        for (SummaryFile f : again.files()) {
            assertArrayEquals(files.get(f.key()), bucket.get(f.key()), f.key());
            assertEquals(SummaryBucket.sha256(bucket.get(f.key())), f.sha256());
            assertEquals(bucket.get(f.key()).length, f.bytes());
        }
        assertEquals(List.of("csv", "html", "json"), again.files().stream().map(SummaryFile::format).sorted().toList());
        assertEquals(List.of("summaries/cs-p-2026-q3/summary.csv", "summaries/cs-p-2026-q3/summary.html",
                "summaries/cs-p-2026-q3/summary.json"), bucket.keys());
        SummaryEntry stored = catalogue.find("cs-p-2026-q3").orElseThrow();
        assertEquals(again, stored);
        assertEquals(NOW.plusSeconds(3_600), stored.compiledAt());
        assertEquals("scheduler", stored.compiledBy());
    }

    @Test
    void anInterimSummaryThenTheFinalOne() throws IOException {
        SummaryEntry interim = compiler().commissionerSummary(period(CURRENT), LocalDate.of(2026, 8, 20), "a-priya");
        SummaryEntry stored = catalogue.find("cs-p-2026-q3").orElseThrow();
        assertEquals(interim, stored);
        assertFalse(stored.complete());
        assertEquals(LocalDate.of(2026, 8, 20), stored.dataThrough());
        assertEquals(SummaryKind.COMMISSIONER_SUMMARY, stored.kind());
        assertEquals(CONTRACT, stored.contractId());
        assertEquals(COMMISSIONER, stored.commissionerId());
        assertEquals(CURRENT, stored.periodId());
        assertEquals(LocalDate.of(2026, 7, 1), stored.from());
        assertEquals(LocalDate.of(2026, 9, 30), stored.to());
        assertEquals("Ridgeshire County Council: outcomes summary – Summer 2026", stored.title());
        JsonNode doc = json(interim);
        assertFalse(doc.get("complete").asBoolean());
        assertEquals("2026-08-20", doc.get("dataThrough").asText());
        assertEquals("2026-08-20", doc.at("/impact/to").asText());
        // July and August only: North 90 + 94 visits, South 12 + 12
        assertEquals(208, doc.at("/impact/activity/visits/value").asLong());

        SummaryEntry done = compiler().commissionerSummary(period(CURRENT), LocalDate.of(2026, 9, 30), "a-priya");
        stored = catalogue.find("cs-p-2026-q3").orElseThrow();
        assertEquals(done, stored);
        assertTrue(stored.complete());
        assertEquals(LocalDate.of(2026, 9, 30), stored.dataThrough());
        assertNotEquals(interim.file("json").sha256(), done.file("json").sha256());
        doc = json(done);
        assertTrue(doc.get("complete").asBoolean());
        assertEquals("2026-09-30", doc.get("dataThrough").asText());
        assertEquals(208 + 106, doc.at("/impact/activity/visits/value").asLong());

        // a run after the period's end counts only up to its last day
        SummaryEntry later = compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya");
        assertTrue(later.complete());
        assertEquals(LocalDate.of(2026, 9, 30), later.dataThrough());
        assertEquals(done.files(), later.files());
    }

    @Test
    void theDocumentAsPublished() throws IOException {
        SummaryEntry e = compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya");
        JsonNode doc = json(e);
        SchemaCheck.commissionerSummary().assertValid(doc);
        assertEquals("commissioner-summary", doc.get("kind").asText());
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertEquals("cs-p-2026-q3", doc.get("summaryId").asText());
        assertEquals("Ridgeshire County Council", doc.get("commissionerName").asText());
        assertEquals("Summer 2026", doc.get("periodLabel").asText());
        assertEquals("2026-07-01", doc.get("opensOn").asText());
        assertEquals("2026-09-30", doc.get("closesOn").asText());
        assertEquals(58, doc.get("npsBenchmark").asInt());
        assertEquals(List.of(NORTH, SOUTH), texts(doc.get("teams"), "id"));
        assertEquals(List.of("Riverside North", "Riverside South"), texts(doc.get("teams"), "name"));
        assertEquals(List.of("Positive impact on life"), texts(doc.get("questions"), "name"));
        // North 12 of 19, South 11 of 15: NPS (16 − 2)/23
        assertEquals(23, doc.at("/feedback/overall/responses/value").asLong());
        assertEquals(34, doc.at("/feedback/overall/invitations/value").asLong());
        assertEquals(60.9, doc.at("/feedback/overall/nps/value/score").asDouble());
        assertEquals(List.of(NORTH, SOUTH), texts(doc.at("/feedback/teams"), "teamId"));
    }

    @Test
    void theTrendIsAtMostFourPeriodsOldestFirstEndingWithThisOne() throws IOException {
        JsonNode trend = json(compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya")).get("trend");
        assertEquals(SummaryCompiler.TREND_PERIODS, trend.size());
        assertEquals(PERIODS.subList(1, 5), texts(trend, "periodId"));
        assertEquals(List.of("Autumn 2025", "Winter 2026", "Spring 2026", "Summer 2026"), texts(trend, "label"));
        assertEquals(List.of("2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"), texts(trend, "opensOn"));
        // each point is that period's overall feedback: North's invitations grow by one a period
        List<Long> invited = StreamSupport.stream(trend.spliterator(), false)
                .map(p -> p.at("/overall/invitations/value").asLong()).toList();
        assertEquals(List.of(31L, 32L, 33L, 34L), invited);

        JsonNode second = json(compiler().commissionerSummary(period("p-2025-q4"), TODAY, "a-priya")).get("trend");
        assertEquals(List.of("p-2025-q3", "p-2025-q4"), texts(second, "periodId"));
        JsonNode first = json(compiler().commissionerSummary(period("p-2025-q3"), TODAY, "a-priya")).get("trend");
        assertEquals(List.of("p-2025-q3"), texts(first, "periodId"));
    }

    @Test
    void clientDaysAndPlannedHoursInTheImpact() throws IOException {
        JsonNode impact = json(compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya")).get("impact");
        assertEquals("2026-07-01", impact.get("from").asText());
        assertEquals("2026-09-30", impact.get("to").asText());
        // 92 days each for Rosa and the eight others, Ivy 61 (from 1 August), Arthur 82 (to 20 September)
        assertEquals(92 + 8 * 92 + 61 + 82, impact.at("/activity/clientDays").asLong());
        JsonNode hours = impact.get("plannedHours");
        assertEquals(11, hours.get("clients").asInt());
        // start 14 + 8 × 5 + 10.5; end 10 + 8 × 5 + 7 + 0
        assertEquals(64.5, hours.at("/atStart/value").asDouble());
        assertEquals(57.0, hours.at("/atEnd/value").asDouble());
        assertEquals(-7.5, hours.at("/change/value").asDouble());
        // six falls over 971 client-days
        JsonNode falls = StreamSupport.stream(impact.at("/activity/health").spliterator(), false)
                .filter(h -> h.get("type").asText().equals("fall")).findFirst().orElseThrow();
        assertEquals(6, falls.at("/count/value").asLong());
        assertEquals(6.18, falls.at("/per1000ClientDays/value").asDouble());
        // eleven clients: continuity is shown
        assertEquals(11, impact.at("/activity/continuity/value/clients").asInt());

        JsonNode interim = json(compiler().commissionerSummary(period(CURRENT), LocalDate.of(2026, 8, 20), "a-priya"))
                .get("impact");
        // 1 July to 20 August: 51 days each for ten clients, Ivy 20
        assertEquals(10 * 51 + 20, interim.at("/activity/clientDays").asLong());
        assertEquals(64.5, interim.at("/plannedHours/atStart/value").asDouble());
        assertEquals(67.5, interim.at("/plannedHours/atEnd/value").asDouble());
        assertEquals(3.0, interim.at("/plannedHours/change/value").asDouble());
    }

    @Test
    void plannedHoursOverFewClientsAreSuppressed() throws IOException {
        // the first period's window (July–September 2025) had ten clients, Ivy not yet
        JsonNode hours = json(compiler().commissionerSummary(period("p-2025-q3"), TODAY, "a-priya"))
                .at("/impact/plannedHours");
        assertEquals(10, hours.get("clients").asInt());
        assertEquals(64.5, hours.at("/atStart/value").asDouble());
        // a contract of North alone from the start would have nine: suppressed
        new ContractStore(data).create(new Contract("ct-small", COMMISSIONER, "Ridgeshire County Council",
                List.of(NORTH), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), "a-priya", SEEDED, 0));
        SurveyPeriod p = new SurveyPeriod("p-small", "ct-small", "Summer 2025", LocalDate.of(2025, 7, 1),
                LocalDate.of(2025, 9, 30), List.of(), "a-priya", SEEDED);
        assertTrue(new SurveyPeriodStore(data).create(p, new ContractStore(data).find("ct-small").orElseThrow()));
        JsonNode small = json(compiler().commissionerSummary(p, TODAY, "a-priya")).at("/impact/plannedHours");
        assertEquals(9, small.get("clients").asInt());
        for (String f : List.of("atStart", "atEnd", "change")) {
            assertEquals("few-respondents", small.at("/" + f + "/suppressed").asText(), f);
            assertTrue(small.at("/" + f + "/value").isMissingNode(), f);
        }
    }

    @Test
    void sharedStoriesAreTheNewestThreeRedacted() throws IOException {
        SummaryEntry e = compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya");
        JsonNode stories = json(e).at("/impact/stories");
        assertEquals(SummaryCompiler.SHARED_STORIES, stories.size());
        assertEquals(List.of("2026-09", "2026-08", "2026-07"), texts(stories, "month"));
        assertEquals(List.of("A concert", "Out with [a carer]", "[the person]'s garden"), texts(stories, "title"));
        assertEquals(List.of(
                "[a carer] and [a carer] took [the person] to the benchmark concert; [the person]'s band played. "
                        + "[a family member] waved from the device stall.",
                "[the person] walked to the shop with [a carer]. [a family member] said [the person] was proud.",
                "[the person] and [a carer] planted tomatoes; [a family member] ([a family member]) brought seeds. "
                        + "Ring [a family member] on [contact] or [contact]."),
                texts(stories, "text"));
        assertEquals("[\"relationships-community\",\"wellbeing\"]", Json.write(stories.get(0).get("domains")));
        // only month, domains, title and text: no date, no ids, no author
        stories.forEach(s -> assertEquals(List.of("month", "domains", "title", "text"),
                iterableToList(s.fieldNames())));

        // nobody is named or identified in any of the three files
        List<String> people = new ArrayList<>(List.of("Rosa", "Bennett", "Arthur", "Hale", "Amara", "Ben", "Dev",
                "Chloe", "Maria", "Tom", "Jo", "Ivy", "Turner", "c-rosa", "c-arthur", "c-n1", "c-ivy", "w-amara", "w-ben",
                "w-dev", "w-chloe", "f-maria", "f-tom", "f-former", "07700 900123", "maria@example.com"));
        OTHER_NAMES.forEach(n -> people.addAll(List.of(n.split(" "))));
        for (String format : List.of("json", "csv", "html")) {
            String body = text(e, format);
            for (String who : people) {
                assertFalse(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(who) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE).matcher(body).find(), who + " in the " + format);
            }
        }
        assertTrue(text(e, "html").contains("[a carer] and [a carer] took [the person] to the benchmark concert"));

        // an interim summary takes the newest three up to its last day
        JsonNode interim = json(compiler().commissionerSummary(period(CURRENT), LocalDate.of(2026, 8, 20), "a-priya"))
                .at("/impact/stories");
        assertEquals(List.of("Out with [a carer]", "[the person]'s garden", "Older"), texts(interim, "title"));
        assertEquals("[the person] ([the person]) baked bread.", interim.get(2).get("text").asText());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void noSharedStoryNoStories() throws IOException {
        JsonNode stories = json(compiler().commissionerSummary(period("p-2026-q1"), TODAY, "a-priya"))
                .at("/impact/stories");
        assertTrue(stories.isArray());
        assertEquals(0, stories.size());
    }

    // ---- runs ---------------------------------------------------------------------------------

    @Test
    void periodEndsCompilesEndedPeriodsWithoutAFinalSummaryOnce() {
        SummaryCompiler c = compiler();
        // already final: the first period; only interim: the fourth
        c.commissionerSummary(period("p-2025-q3"), LocalDate.of(2025, 10, 1), "a-priya");
        c.commissionerSummary(period("p-2026-q2"), LocalDate.of(2026, 5, 31), "a-priya");
        Instant firstCompiled = catalogue.find("cs-p-2025-q3").orElseThrow().compiledAt();

        List<SummaryEntry> run = compiler(NOW.plusSeconds(60)).periodEnds(TODAY, "scheduler").compiled();
        assertEquals(List.of("cs-p-2025-q4", "cs-p-2026-q1", "cs-p-2026-q2", "cs-p-2026-q3"),
                run.stream().map(SummaryEntry::summaryId).toList());
        for (SummaryEntry e : run) {
            assertTrue(e.complete(), e.summaryId());
            assertEquals(e.to(), e.dataThrough(), e.summaryId());
            assertEquals(e, catalogue.find(e.summaryId()).orElseThrow());
        }
        // the final one was left alone; the period just opened has no summary
        assertEquals(firstCompiled, catalogue.find("cs-p-2025-q3").orElseThrow().compiledAt());
        assertTrue(catalogue.find("cs-" + OPEN).isEmpty());

        assertEquals(List.of(), compiler(NOW.plusSeconds(120)).periodEnds(TODAY, "scheduler").compiled());
        // on the period's last day it has not ended yet
        assertEquals(List.of(), compiler().periodEnds(LocalDate.of(2026, 9, 30), "scheduler").compiled());
    }

    @Test
    void periodEndsOnThePeriodsLastDayLeavesItOpen() {
        List<SummaryEntry> run = compiler().periodEnds(LocalDate.of(2026, 9, 30), "scheduler").compiled();
        assertEquals(List.of("cs-p-2025-q3", "cs-p-2025-q4", "cs-p-2026-q1", "cs-p-2026-q2"),
                run.stream().map(SummaryEntry::summaryId).toList());
        assertEquals(List.of("cs-p-2026-q3"), compiler().periodEnds(LocalDate.of(2026, 10, 1), "scheduler").compiled().stream()
                .map(SummaryEntry::summaryId).toList());
    }

    @Test
    void monthlyCompilesLastMonthsDashboardsAndTheOverlappingPeriods() {
        List<SummaryEntry> run = compiler().monthly(TODAY, "scheduler").compiled();
        assertEquals(List.of("td-t-north-2026-09", "td-t-south-2026-09", "cs-p-2026-q3"),
                run.stream().map(SummaryEntry::summaryId).toList());
        assertEquals(List.of(
                "dashboards/t-north/2026-09/dashboard.csv", "dashboards/t-north/2026-09/dashboard.html",
                "dashboards/t-north/2026-09/dashboard.json",
                "dashboards/t-south/2026-09/dashboard.csv", "dashboards/t-south/2026-09/dashboard.html",
                "dashboards/t-south/2026-09/dashboard.json",
                "summaries/cs-p-2026-q3/summary.csv", "summaries/cs-p-2026-q3/summary.html",
                "summaries/cs-p-2026-q3/summary.json"), bucket.keys());
        for (SummaryEntry e : run) {
            assertEquals(e, catalogue.find(e.summaryId()).orElseThrow());
            assertTrue(e.complete(), e.summaryId());
            assertEquals(LocalDate.of(2026, 9, 30), e.dataThrough(), e.summaryId());
        }
        SummaryEntry north = catalogue.find("td-t-north-2026-09").orElseThrow();
        assertEquals(SummaryKind.TEAM_DASHBOARD, north.kind());
        assertEquals(NORTH, north.teamId());
        assertEquals(LocalDate.of(2026, 9, 1), north.from());
        assertEquals(LocalDate.of(2026, 9, 30), north.to());
        assertEquals("Riverside North: team dashboard – 2026-09", north.title());

        // a late run in September: August's dashboards (the whole month), and the summer period, still
        // open, with the data up to the day before the run
        List<SummaryEntry> august = compiler().monthly(LocalDate.of(2026, 9, 3), "scheduler").compiled();
        assertEquals(List.of("td-t-north-2026-08", "td-t-south-2026-08", "cs-p-2026-q3"),
                august.stream().map(SummaryEntry::summaryId).toList());
        SummaryEntry dashboard = catalogue.find("td-t-north-2026-08").orElseThrow();
        assertTrue(dashboard.complete());
        assertEquals(LocalDate.of(2026, 8, 31), dashboard.dataThrough());
        SummaryEntry interim = catalogue.find("cs-p-2026-q3").orElseThrow();
        assertFalse(interim.complete());
        assertEquals(LocalDate.of(2026, 9, 2), interim.dataThrough());

        // June: the spring period only; October: the autumn one just opened
        List<SummaryEntry> june = compiler().monthly(LocalDate.of(2026, 7, 1), "scheduler").compiled();
        assertEquals(List.of("cs-p-2026-q2"), june.stream().map(SummaryEntry::summaryId)
                .filter(id -> id.startsWith("cs-")).toList());
        List<SummaryEntry> october = compiler().monthly(LocalDate.of(2026, 11, 2), "scheduler").compiled();
        assertEquals(List.of("cs-p-2026-q4"), october.stream().map(SummaryEntry::summaryId)
                .filter(id -> id.startsWith("cs-")).toList());
    }

    /** One unit that cannot be compiled (a corrupt aggregate) is reported; every other unit is compiled. */
    @Test
    void aFailingUnitStopsNoOther() {
        data.client().putItem(r -> r.tableName(data.name()).item(Map.of(
                "PK", AttributeValue.fromS(AggregateKey.teamMonth(SOUTH, YearMonth.of(2026, 9)).pk()),
                "SK", AttributeValue.fromS(AggregateKey.teamMonth(SOUTH, YearMonth.of(2026, 9)).sk()),
                Counter.VISITS, AttributeValue.fromN("2.5"))));
        SummaryCompiler.Run run = compiler().monthly(TODAY, "scheduler");
        assertEquals(List.of("td-t-south-2026-09"), run.failed());
        assertEquals(List.of("td-t-north-2026-09", "cs-p-2026-q3"),
                run.compiled().stream().map(SummaryEntry::summaryId).toList());
        assertTrue(catalogue.find("td-t-south-2026-09").isEmpty());
        assertTrue(catalogue.find("cs-p-2026-q3").isPresent());
    }

    /**
     * A story naming the person in folding twins of their name (long s, dotless and dotted i, full-width,
     * Kelvin sign, combining accents) and their address: the summary compiles, and names nobody.
     */
    @Test
    void foldingTwinsAndAddressesInASharedStoryAreRedacted() throws IOException {
        new ClientStore(data).put(new Client("c-iris", NORTH, "Iris Kessler", 10, SEEDED));
        new ClientStore(data).putAddress(new org.whatmatters.domain.ClientAddress("c-iris", "7 Mill Street, Leeds LS6 3BB"));
        // Dev has left the team since: still a carer to redact
        TeamStore teams = new TeamStore(data);
        teams.removeMember(teams.member(NORTH, "w-dev").orElseThrow(), NOW, "a-priya");
        new StoryStore(data).create(story("s-twins", "c-iris", NORTH, "İRIS at home",
                "ırıs \u212Aeſſler (born 02/05/1938, NHS 943 476 5919) showed Ｉｒｉｓ’s garden at 7 mill street, "
                        + "LS6 3BB; I\u0301ris smiled at Dev.", LocalDate.of(2026, 9, 20), List.of(OutcomeDomain.WELLBEING),
                SharingConsent.COMMISSIONER_ANONYMISED, "f-maria", OutcomeStory.AuthorRole.FAMILY, "Maria"), List.of());
        SummaryEntry e = compiler().commissionerSummary(period(CURRENT), TODAY, "a-priya");
        JsonNode story = json(e).at("/impact/stories/0");
        assertEquals("[the person] at home", story.get("title").asText());
        assertEquals("[the person] (born [date], NHS [NHS number]) showed [the person]’s garden at [address], "
                + "[address]; [the person] smiled at [a carer].", story.get("text").asText());
        for (String format : List.of("json", "csv", "html")) {
            String body = text(e, format).toLowerCase(java.util.Locale.ROOT);
            for (String gone : List.of("iris", "kessler", "mill street", "ls6 3bb", "1938", "5919", "dev.")) {
                assertFalse(body.contains(gone), gone + " in the " + format);
            }
        }
    }

    // ---- team dashboards ----------------------------------------------------------------------

    @Test
    void aTeamDashboard() throws IOException {
        SummaryEntry e = compiler().teamDashboard(team(NORTH), YearMonth.of(2026, 9), TODAY, "a-priya");
        JsonNode d = json(e);
        SchemaCheck.teamDashboard().assertValid(d);
        assertEquals("team-dashboard", d.get("kind").asText());
        assertEquals("td-t-north-2026-09", d.get("dashboardId").asText());
        assertEquals("Riverside North", d.get("teamName").asText());
        assertEquals("2026-09", d.get("month").asText());
        assertTrue(d.get("complete").asBoolean());
        assertEquals("2026-09-30", d.get("dataThrough").asText());
        // Amara, Ben and Dev
        assertEquals(3, d.get("teamSize").asInt());
        assertTrue(d.path("sizeAdvice").isMissingNode());

        JsonNode a = d.get("activity");
        assertEquals(94, a.get("visits").asLong());
        assertEquals(94 * 45, a.get("careMinutes").asLong());
        assertEquals(6_000, a.get("shiftMinutes").asLong());
        assertEquals(0.71, a.get("magicNumber").asDouble());
        // September: Rosa, the eight others and Ivy, 30 days each
        assertEquals(300, a.get("clientDays").asLong());
        assertEquals(10, a.at("/continuity/clients").asInt());

        // six months, oldest first, the older ones without data
        JsonNode trend = d.get("trend");
        assertEquals(List.of("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"), texts(trend, "month"));
        assertEquals(List.of(0L, 0L, 0L, 90L, 94L, 94L),
                StreamSupport.stream(trend.spliterator(), false).map(p -> p.get("visits").asLong()).toList());
        assertTrue(trend.get(0).path("magicNumber").isMissingNode());
        assertEquals(0.68, trend.get(3).get("magicNumber").asDouble());

        // continuity per client, by id
        JsonNode clients = d.get("clients");
        List<String> ids = new ArrayList<>(List.of(IVY));
        ids.addAll(OTHERS);
        ids.add(People.ROSA);
        assertEquals(ids, texts(clients, "clientId"));
        JsonNode rosa = clients.get(clients.size() - 1);
        assertEquals("Rosa Bennett", rosa.get("name").asText());
        assertEquals(10, rosa.get("visits").asLong());
        assertEquals(2, rosa.get("workers").asInt());
        // (8² + 2² − 10) / (10 · 9) = 58/90, to two decimals as every published figure
        assertEquals("0.64", rosa.get("index").asText());
        JsonNode ivy = clients.get(0);
        assertEquals("Ivy Turner", ivy.get("name").asText());
        assertEquals(4, ivy.get("visits").asLong());
        assertEquals(1, ivy.get("workers").asInt());
        assertEquals(1.0, ivy.get("index").asDouble());

        // the team's feedback in the last four periods of the contract
        JsonNode feedback = d.get("feedback");
        assertEquals(PERIODS.subList(1, 5), texts(feedback, "periodId"));
        feedback.forEach(p -> assertEquals(CONTRACT, p.get("contractId").asText()));
        assertEquals(12, feedback.get(3).at("/figures/responses/value").asLong());
        assertEquals(83.3, feedback.get(3).at("/figures/nps/value/score").asDouble());
    }

    @Test
    void aTeamOfTwelveIsFlagged() throws IOException {
        TeamStore teams = new TeamStore(data);
        for (int i = 1; i <= 8; i++) {
            teams.putMember(new TeamMember(NORTH, "w-extra-" + i, "Extra " + i, SEEDED));
        }
        JsonNode eleven = json(compiler().teamDashboard(team(NORTH), YearMonth.of(2026, 9), TODAY, "a-priya"));
        assertEquals(11, eleven.get("teamSize").asInt());
        assertTrue(eleven.path("sizeAdvice").isMissingNode());
        assertFalse(text(catalogue.find("td-t-north-2026-09").orElseThrow(), "html").contains("Split advised"));

        teams.putMember(new TeamMember(NORTH, "w-extra-9", "Extra 9", SEEDED));
        SummaryEntry e = compiler().teamDashboard(team(NORTH), YearMonth.of(2026, 9), TODAY, "a-priya");
        JsonNode twelve = json(e);
        assertEquals(12, twelve.get("teamSize").asInt());
        assertEquals(12, twelve.at("/sizeAdvice/size").asInt());
        assertEquals("split-advised", twelve.at("/sizeAdvice/flag").asText());
        assertTrue(text(e, "html").contains("Split advised"));
        assertTrue(text(e, "csv").contains("2026-09,team,,team_size,,12,\r\n"));
        SchemaCheck.teamDashboard().assertValid(twelve);
    }

    @Test
    void anInterimDashboardAndTheSameBytesAgain() throws IOException {
        SummaryEntry interim = compiler().teamDashboard(team(NORTH), YearMonth.of(2026, 9), LocalDate.of(2026, 9, 10),
                "a-priya");
        assertFalse(interim.complete());
        assertEquals(LocalDate.of(2026, 9, 10), interim.dataThrough());
        JsonNode d = json(interim);
        assertFalse(d.get("complete").asBoolean());
        assertEquals("2026-09-10", d.get("dataThrough").asText());
        assertEquals(100, d.at("/activity/clientDays").asLong());

        SummaryEntry first = compiler().teamDashboard(team(SOUTH), YearMonth.of(2026, 9), TODAY, "a-priya");
        Map<String, byte[]> files = new HashMap<>();
        first.files().forEach(f -> files.put(f.key(), bucket.get(f.key())));
        SummaryEntry again = compiler(NOW.plusSeconds(60)).teamDashboard(team(SOUTH), YearMonth.of(2026, 9), TODAY,
                "a-priya");
        assertEquals(first.files(), again.files());
        again.files().forEach(f -> assertArrayEquals(files.get(f.key()), bucket.get(f.key()), f.key()));
        JsonNode south = json(again);
        assertEquals(1, south.get("teamSize").asInt());
        // Arthur's plan ended on the 21st: 20 days
        assertEquals(20, south.at("/activity/clientDays").asLong());
        assertEquals(List.of(People.ARTHUR), texts(south.get("clients"), "clientId"));
        assertEquals(1.0, south.get("clients").get(0).get("index").asDouble());
    }
}
