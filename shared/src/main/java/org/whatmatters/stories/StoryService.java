package org.whatmatters.stories;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.access.Relation;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.data.ActivityCounters;
import org.whatmatters.access.ClientRelations;
import org.whatmatters.data.ListQuery;
import org.whatmatters.validation.RecordDates;
import org.whatmatters.validation.Checks;

/**
 * Outcome stories: what mattered to a person, told by the team or the family. The team and the
 * provider admin read every story of the team's clients; a linked family member only those shared
 * with the family (consent family or commissioner-anonymised).
 */
@Singleton
public final class StoryService {

    static final int TITLE_MAX = 120;
    static final int TEXT_MAX = 4000;
    static final int GOALS_MAX = 10;
    static final int GOAL_MAX = 200;

    private final ClientRelations relations;
    private final TeamStore teams;
    private final StoryStore stories;
    private final ActivityCounters counters;
    private final Clock clock;

    @Inject
    public StoryService(ClientRelations relations, TeamStore teams, StoryStore stories, ActivityCounters counters,
                        Clock clock) {
        this.relations = relations;
        this.teams = teams;
        this.stories = stories;
        this.counters = counters;
        this.clock = clock;
    }

    public StoryView record(Caller caller, String clientId, RecordStory cmd) {
        ClientRelations.Access access = relations.of(caller, clientId, "Client " + clientId);
        Relation relation = access.relation();
        ClientAccess.requireRead(relation, "Client " + clientId);
        if (relation != Relation.TEAM_WORKER && relation != Relation.LINKED_FAMILY) {
            throw ProblemException.forbidden("Only a worker of the client's team or a linked family member may "
                    + "record a story");
        }
        validate(cmd);

        String teamId = access.client().teamId();
        OutcomeStory story = new OutcomeStory(UUID.randomUUID().toString(), clientId, teamId, cmd.title().strip(),
                cmd.text().strip(), cmd.date(), cmd.domains(), goals(cmd.goals()), cmd.consent(), caller.sub(),
                relation == Relation.TEAM_WORKER ? OutcomeStory.AuthorRole.WORKER : OutcomeStory.AuthorRole.FAMILY,
                authorName(caller, teamId, access), clock.instant());
        stories.create(story, counters.count(teamId, story.date(), b -> {
            b.add(Counter.STORIES, 1);
            story.domains().forEach(d -> b.add(Counter.stories(d.toString(), story.consent().toString()), 1));
        }));
        return StoryView.of(story, relation);
    }

    public StoryView get(Caller caller, String storyId) {
        String what = "Story " + storyId;
        OutcomeStory story = stories.find(storyId).orElseThrow(() -> ProblemException.notFound(what));
        Relation relation = relations.of(caller, story.clientId(), what).relation();
        ClientAccess.requireRead(relation, what);
        if (relation == Relation.LINKED_FAMILY && !story.consent().familyVisible()) {
            throw ProblemException.notFound(what);
        }
        return StoryView.of(story, relation);
    }

    public StoryList list(Caller caller, String clientId, ListQuery q) {
        Relation relation = relations.of(caller, clientId, "Client " + clientId).relation();
        ClientAccess.requireRead(relation, "Client " + clientId);
        Violations v = new Violations();
        ListQuery.Days days = q.days(v);
        int size = q.size(v);
        v.throwIfAny();
        ItemPage<OutcomeStory> page = stories.page(clientId, relation == Relation.LINKED_FAMILY, days.from(),
                days.to(), size, q.cursor());
        return new StoryList(page.items().stream().map(s -> StoryView.of(s, relation)).toList(), page.nextCursor());
    }

    private void validate(RecordStory cmd) {
        Violations v = new Violations();
        Checks.text(v, "title", cmd.title(), TITLE_MAX);
        Checks.text(v, "text", cmd.text(), TEXT_MAX);
        RecordDates.pastDay(v, "date", cmd.date(), LocalDate.now(clock));
        if (v.required("domains", cmd.domains())) {
            Set<OutcomeDomain> seen = EnumSet.noneOf(OutcomeDomain.class);
            for (int i = 0; i < cmd.domains().size(); i++) {
                OutcomeDomain d = cmd.domains().get(i);
                if (d == null) {
                    v.add("domains[" + i + "]", "is required");
                } else if (!seen.add(d)) {
                    v.add("domains[" + i + "]", "names " + d + " twice");
                }
            }
        }
        if (cmd.goals() != null) {
            if (cmd.goals().size() > GOALS_MAX) {
                v.add("goals", "at most " + GOALS_MAX + " goals");
            }
            for (int i = 0; i < cmd.goals().size(); i++) {
                Checks.text(v, "goals[" + i + "]", cmd.goals().get(i), GOAL_MAX);
            }
        }
        v.required("consent", cmd.consent());
        v.throwIfAny();
    }

    private static List<String> goals(List<String> goals) {
        return goals == null ? List.of() : goals.stream().map(String::strip).toList();
    }

    /** The name the story is told under: the worker's team name, or the family member's as linked. */
    private String authorName(Caller caller, String teamId, ClientRelations.Access access) {
        if (access.relation() == Relation.LINKED_FAMILY) {
            return access.link().map(FamilyLink::displayName).orElse("Family");
        }
        return teams.members(teamId).stream().filter(m -> m.workerId().equals(caller.sub()))
                .map(TeamMember::displayName).findFirst().orElse("A member of the team");
    }
}
