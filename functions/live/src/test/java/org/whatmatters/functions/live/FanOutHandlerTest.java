package org.whatmatters.functions.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whatmatters.access.Relation;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.Location;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.ServiceType;
import org.whatmatters.domain.SharingConsent;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.json.Json;
import org.whatmatters.local.engines.TestCloud;
import org.whatmatters.testing.People;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stream fan-out on DynamoDB Local, posting through the real SDK client to a fake @connections. */
class FanOutHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");

    private final LiveTables t = new LiveTables();
    private final VisitStore visits = new VisitStore(t.table.data());
    private final StreamEvents stream = new StreamEvents(t.table.data());
    private final FanOutHandler handler = new FanOutHandler(FanOutComponent.create(t.env()));

    @AfterEach
    void close() {
        t.close();
    }

    static Visit planned(String id, String clientId, String teamId, String... workers) {
        return planned(id, clientId, teamId, NOW, workers);
    }

    static Visit planned(String id, String clientId, String teamId, Instant createdAt, String... workers) {
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        return new Visit(id, clientId, teamId, ServiceType.PERSONAL_CARE, LocalDate.of(2026, 11, 24), start,
                start.plusSeconds(3600), List.of(workers), new Location("14 Orchard Lane", null, null),
                VisitStatus.PLANNED, null, null, null, null, null, null, null, null, false, null, null, null, "w-amara",
                createdAt, createdAt, 1);
    }

    private String plan(Visit v) {
        return stream.change("VISIT#" + v.visitId(), "VISIT", () -> visits.create(v));
    }

    private String checkIn(Visit v) {
        return stream.change("VISIT#" + v.visitId(), "VISIT",
                () -> visits.replace(v.checkedIn(NOW, "w-amara", "Key safe sticky", NOW.plusSeconds(5)), v, List.of()));
    }

    private static List<String> failures(StreamsEventResponse r) {
        return r.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private long feedEntries(String clientId) {
        return TestCloud.dynamo().query(q -> q.tableName(t.table.name()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FEED#" + clientId)))).count();
    }

    @Test
    void oneConnectionFailingRetriesOnlyWhatFailedAndTheOthersAreToldOnce() {
        t.watching("maria-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        t.watching("ben-1", "w-ben", "worker", People.ROSA, Relation.TEAM_WORKER);
        t.watching("tom-1", "f-tom", "family", People.ARTHUR, Relation.LINKED_FAMILY);
        t.watching("former-1", "f-former", "family", People.ROSA, Relation.LINKED_FAMILY);
        t.watching("gone-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        t.sockets.failing.add("ben-1");
        t.sockets.gone.add("gone-1");
        Visit rosas = planned("v-rosa", People.ROSA, People.NORTH, "w-amara", "w-ben");
        String r1 = plan(rosas);
        String r2 = plan(planned("v-arthur", People.ARTHUR, People.SOUTH, "w-chloe"));
        String r3 = checkIn(rosas);
        var event = stream.event();

        StreamsEventResponse first = handler.handleRequest(event, null);
        assertEquals(List.of(r1, r3), failures(first), "Rosa's first update failed for Ben; her later one waits for it");
        assertEquals(List.of("visit.planned"), t.sockets.types("maria-1"));
        assertEquals(List.of("visit.planned"), t.sockets.types("tom-1"), "another client's update is not held up");
        assertEquals(List.of(), t.sockets.types("former-1"), "a revoked link is told nothing");
        assertTrue(t.connections.find("gone-1").isEmpty(), "a connection that answered 410 is forgotten");
        assertTrue(t.connections.watchers(People.ROSA, Instant.now()).stream()
                .noneMatch(w -> w.connectionId().equals("former-1")), "and the revoked link stops watching");

        // Lambda retries from the earliest failure; here the whole batch comes again.
        t.sockets.failing.clear();
        assertEquals(List.of(), failures(handler.handleRequest(event, null)));
        assertEquals(List.of("visit.planned", "visit.started"), t.sockets.types("maria-1"), "each once");
        assertEquals(List.of("visit.planned", "visit.started"), t.sockets.types("ben-1"));
        assertEquals(List.of("visit.planned"), t.sockets.types("tom-1"), "not told twice");
        assertEquals(t.sockets.ids("maria-1"), t.sockets.ids("ben-1"), "the same ids for everyone");
        assertEquals(2, feedEntries(People.ROSA), "a retried change does not add to the feed");
        assertEquals(1, feedEntries(People.ARTHUR));

        JsonNode started = Json.read(t.sockets.received.get("maria-1").get(1), JsonNode.class);
        assertEquals("Amara", started.at("/data/checkedInBy/displayName").asText());
        assertEquals("Ben", started.at("/data/workers/1/displayName").asText());
        assertFalse(started.toString().contains("Key safe"), "no working notes: " + started);
    }

    @Test
    void whatFamiliesAreNotToldIsSkippedAndAnUnreadableRecordDoesNotBlockTheOthers() {
        t.watching("maria-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        stream.add("INSERT", null, Map.of("PK", AttributeValue.fromS("VISIT#v-bad"), "SK", AttributeValue.fromS("VISIT"),
                "kind", AttributeValue.fromS("Visit"), "clientId", AttributeValue.fromS(People.ROSA),
                "status", AttributeValue.fromS("LOST")));
        stream.add("INSERT", null, Map.of("PK", AttributeValue.fromS("AGG#x"), "SK", AttributeValue.fromS("AGG"),
                "kind", AttributeValue.fromS("Aggregate"), "clientId", AttributeValue.fromS(People.ROSA)));
        Visit v = planned("v-1", People.ROSA, People.NORTH, "w-amara");
        plan(v);
        // A change to a visit that is not a step families are told of.
        stream.change("VISIT#v-1", "VISIT", () -> visits.replace(new Visit(v.visitId(), v.clientId(), v.teamId(),
                v.serviceType(), v.serviceDate(), v.plannedStart(), v.plannedEnd(), v.workerIds(), v.location(),
                v.status(), null, null, null, null, null, null, null, null, false, null, null, null, v.plannedBy(), v.createdAt(),
                NOW.plusSeconds(60), 2), v, List.of()));

        assertEquals(List.of(), failures(handler.handleRequest(stream.event(), null)), "nothing to retry");
        assertEquals(List.of("visit.planned"), t.sockets.types("maria-1"));

        StreamEvents own = new StreamEvents(t.table.data());
        own.add("INSERT", null, TestCloud.dynamo().scan(s -> s.tableName(t.table.name())).items().stream()
                .filter(i -> i.get("PK").s().startsWith("FEED#")).findFirst().orElseThrow());
        assertEquals(List.of(), failures(handler.handleRequest(own.event(), null)));
        assertEquals(List.of("visit.planned"), t.sockets.types("maria-1"), "its own feed writes are not news");
    }

    @Test
    void storiesSharedWithFamilyAndSurveyInvitationsForThem() {
        t.watching("maria-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        t.watching("ben-1", "w-ben", "worker", People.ROSA, Relation.TEAM_WORKER);
        StoryStore stories = new StoryStore(t.table.data());
        stream.change("STORY#s-team", "STORY", () -> stories.create(story("s-team", SharingConsent.TEAM), List.of()));
        stream.change("STORY#s-family", "STORY", () -> stories.create(story("s-family", SharingConsent.FAMILY), List.of()));
        InvitationStore invitations = new InvitationStore(t.table.data());
        stream.change("PERIOD#p-1", "INVITATION#family#f-maria", () -> invitations.invite(new Invitation("p-1", "k-1",
                RespondentType.FAMILY, "f-maria", People.ROSA, People.NORTH, "a-priya", NOW)));

        assertEquals(List.of(), failures(handler.handleRequest(stream.event(), null)));
        assertEquals(List.of("story.shared", "survey.open"), t.sockets.types("maria-1"));
        assertEquals(List.of("story.shared"), t.sockets.types("ben-1"), "an invitation is the invited person's alone");
        JsonNode shared = Json.read(t.sockets.received.get("maria-1").getFirst(), JsonNode.class);
        assertEquals("s-family", shared.at("/data/storyId").asText());
        assertEquals(280, shared.at("/data/excerpt").asText().codePointCount(0, shared.at("/data/excerpt").asText().length()));
        assertEquals("wellbeing", shared.at("/data/domains/0").asText());
    }

    @Test
    void aRevokedLinkStopsWatchingAtOnce() {
        t.watching("maria-1", "f-maria", "family", People.ROSA, Relation.LINKED_FAMILY);
        FamilyLinkStore links = new FamilyLinkStore(t.table.data());
        stream.change("CLIENT#" + People.ROSA, "FAMILY#f-maria",
                () -> links.revoke(links.find(People.ROSA, "f-maria").orElseThrow(), NOW));
        assertEquals(List.of(), failures(handler.handleRequest(stream.event(), null)));
        assertTrue(t.connections.watchers(People.ROSA, Instant.now()).isEmpty());
    }

    /** A worker removed from the team a moment ago is told nothing more about its clients; the admin still is. */
    @Test
    void everyRoleIsCheckedAgainBeforeEachDelivery() {
        t.watching("amara-1", "w-amara", "worker", People.ROSA, Relation.TEAM_WORKER);
        t.watching("ben-1", "w-ben", "worker", People.ROSA, Relation.TEAM_WORKER);
        t.watching("priya-1", "a-priya", "provider-admin", People.ROSA, Relation.PROVIDER_ADMIN);
        TeamStore teams = new TeamStore(t.table.data());
        assertTrue(teams.removeMember(teams.member(People.NORTH, "w-amara").orElseThrow(), NOW, "a-priya"));
        Visit v = planned("v-r1", People.ROSA, People.NORTH, "w-ben");
        plan(v);
        assertEquals(List.of(), failures(handler.handleRequest(stream.event(), null)));
        assertEquals(List.of(), t.sockets.types("amara-1"), "removed from the team: nothing");
        assertEquals(List.of("visit.planned"), t.sockets.types("ben-1"));
        assertEquals(List.of("visit.planned"), t.sockets.types("priya-1"));
        assertTrue(t.connections.watchers(People.ROSA, Instant.now()).stream()
                .noneMatch(w -> w.connectionId().equals("amara-1")), "and her watch is gone");
    }

    /** A watch whose connection's token has expired is told nothing, whatever the role. */
    @Test
    void anExpiredConnectionIsToldNothing() {
        Instant past = Instant.now().minusSeconds(5);
        t.connections.open(new org.whatmatters.live.Connection("old-1", "a-priya", List.of("provider-admin"),
                        "p-riverside", null, past.minusSeconds(3600), past),
                List.of(new org.whatmatters.live.Watch("old-1", People.ROSA, "a-priya", Relation.PROVIDER_ADMIN, past)));
        plan(planned("v-r2", People.ROSA, People.NORTH, "w-ben"));
        assertEquals(List.of(), failures(handler.handleRequest(stream.event(), null)));
        assertEquals(List.of(), t.sockets.types("old-1"));
    }

    private static OutcomeStory story(String id, SharingConsent consent) {
        return new OutcomeStory(id, People.ROSA, People.NORTH, "Rosa walked to the shop", "x".repeat(1000),
                LocalDate.of(2026, 11, 20), List.of(OutcomeDomain.WELLBEING), List.of(), consent, "w-amara",
                OutcomeStory.AuthorRole.WORKER, "Amara", NOW);
    }
}
