package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.SharingConsent;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

@Singleton
public final class StoryStore {

    static final TableSchema<OutcomeStory> SCHEMA = ItemSchema
            .item(OutcomeStory.class, "OutcomeStory", s -> Keys.story(s.storyId()), s -> "STORY")
            .index(Keys.GSI1, s -> Keys.clientStories(s.clientId()), StoryStore::byDate)
            // Sparse: only stories the family may read, so their listing pages without filtering.
            .index(Keys.GSI2, s -> s.consent().familyVisible() ? Keys.clientFamilyStories(s.clientId()) : null,
                    s -> s.consent().familyVisible() ? byDate(s) : null)
            // Sparse: only stories shared with commissioners, by team, so a summary reads a few per team.
            .index(Keys.GSI3, s -> shared(s) ? Keys.teamSharedStories(s.teamId()) : null,
                    s -> shared(s) ? byDate(s) : null)
            .attr("storyId", String.class, OutcomeStory::storyId)
            .attr("clientId", String.class, OutcomeStory::clientId)
            .attr("teamId", String.class, OutcomeStory::teamId)
            .attr("title", String.class, OutcomeStory::title)
            .attr("text", String.class, OutcomeStory::text)
            .attr("date", LocalDate.class, OutcomeStory::date)
            .attr("domains", EnhancedType.listOf(String.class),
                    s -> s.domains().stream().map(OutcomeDomain::toString).toList())
            .attr("goals", EnhancedType.listOf(String.class), OutcomeStory::goals)
            .attr("consent", String.class, s -> s.consent().toString())
            .attr("recordedBy", String.class, OutcomeStory::recordedBy)
            .attr("authorRole", String.class, s -> s.authorRole().name())
            .attr("authorName", String.class, OutcomeStory::authorName)
            .attr("createdAt", Instant.class, OutcomeStory::createdAt)
            .build(f -> new OutcomeStory(f.string("storyId"), f.string("clientId"), f.string("teamId"),
                    f.string("title"), f.string("text"), f.get("date"),
                    f.<String>list("domains").stream().map(OutcomeDomain::fromJson).toList(), f.list("goals"),
                    SharingConsent.fromJson(f.string("consent")), f.string("recordedBy"),
                    OutcomeStory.AuthorRole.valueOf(f.string("authorRole")), f.string("authorName"),
                    f.get("createdAt")));

    private final DataTable data;
    private final DynamoDbTable<OutcomeStory> table;
    private final NewestFirst<OutcomeStory> all;
    private final NewestFirst<OutcomeStory> familyVisible;
    private final NewestFirst<OutcomeStory> sharedByTeam;

    @Inject
    public StoryStore(DataTable data) {
        this.data = data;
        this.table = data.of(SCHEMA);
        this.all = new NewestFirst<>(SCHEMA, table.index(Keys.GSI1), Keys.GSI1);
        this.familyVisible = new NewestFirst<>(SCHEMA, table.index(Keys.GSI2), Keys.GSI2);
        this.sharedByTeam = new NewestFirst<>(SCHEMA, table.index(Keys.GSI3), Keys.GSI3);
    }

    /** The story and what it adds to the running aggregates, all or nothing. */
    public void create(OutcomeStory story, List<Counters> counters) {
        Transaction tx = Transaction.on(data).create(SCHEMA, story);
        counters.forEach(tx::add);
        tx.commit();
    }

    public Optional<OutcomeStory> find(String storyId) {
        return Optional.ofNullable(table.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(Keys.story(storyId)).sortValue("STORY").build())));
    }

    /** A client's stories dated between two days (inclusive), newest first; family-visible ones only if asked. */
    public ItemPage<OutcomeStory> page(String clientId, boolean familyOnly, LocalDate from, LocalDate to, int limit,
                                       String cursor) {
        return familyOnly
                ? familyVisible.page(Keys.clientFamilyStories(clientId), from.toString(), to.toString(), limit, cursor)
                : all.page(Keys.clientStories(clientId), from.toString(), to.toString(), limit, cursor);
    }

    /**
     * The newest {@code limit} stories of a team shared with commissioners, dated between two days
     * (inclusive), newest first.
     */
    public List<OutcomeStory> sharedWithCommissioners(String teamId, LocalDate from, LocalDate to, int limit) {
        return sharedByTeam.page(Keys.teamSharedStories(teamId), from.toString(), to.toString(), limit, null).items();
    }

    private static boolean shared(OutcomeStory s) {
        return s.consent() == SharingConsent.COMMISSIONER_ANONYMISED;
    }

    private static String byDate(OutcomeStory s) {
        return s.date() + "#" + Keys.time(s.createdAt()) + "#" + s.storyId();
    }
}
