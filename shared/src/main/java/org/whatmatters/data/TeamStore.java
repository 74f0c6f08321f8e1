package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@Singleton
public final class TeamStore {

    static final TableSchema<Team> TEAM = ItemSchema
            .item(Team.class, "Team", t -> Keys.team(t.teamId()), t -> "TEAM")
            .index(Keys.GSI1, t -> "TEAMS", t -> Keys.team(t.teamId()))
            .attr("teamId", String.class, Team::teamId)
            .attr("name", String.class, Team::name)
            .attr("createdAt", Instant.class, Team::createdAt)
            .build(f -> new Team(f.string("teamId"), f.string("name"), f.get("createdAt")));

    static final TableSchema<TeamMember> MEMBER = ItemSchema
            .item(TeamMember.class, "TeamMember", m -> Keys.team(m.teamId()), m -> Keys.member(m.workerId()))
            .index(Keys.GSI1, m -> Keys.worker(m.workerId()), m -> Keys.team(m.teamId()))
            .attr("teamId", String.class, TeamMember::teamId)
            .attr("workerId", String.class, TeamMember::workerId)
            .attr("displayName", String.class, TeamMember::displayName)
            .attr("joinedAt", Instant.class, TeamMember::joinedAt)
            .build(f -> new TeamMember(f.string("teamId"), f.string("workerId"), f.string("displayName"),
                    f.get("joinedAt")));

    private final DynamoDbTable<Team> teams;
    private final DynamoDbTable<TeamMember> members;

    @Inject
    public TeamStore(DataTable data) {
        this.teams = data.of(TEAM);
        this.members = data.of(MEMBER);
    }

    public Optional<Team> find(String teamId) {
        return Optional.ofNullable(teams.getItem(Key.builder().partitionValue(Keys.team(teamId)).sortValue("TEAM").build()));
    }

    public void put(Team team) {
        teams.putItem(team);
    }

    public void putMember(TeamMember member) {
        members.putItem(member);
    }

    /** A team is small (about ten), so one query reads all of it. */
    public List<TeamMember> members(String teamId) {
        return members.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(Keys.team(teamId)).sortValue("MEMBER#").build())))
                .items().stream().toList();
    }
}
