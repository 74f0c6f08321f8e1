package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.whatmatters.domain.FormerTeamMember;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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

    static final TableSchema<FormerTeamMember> FORMER = ItemSchema
            .item(FormerTeamMember.class, "FormerTeamMember", m -> Keys.team(m.teamId()),
                    m -> Keys.formerMember(m.workerId(), m.leftAt()))
            .attr("teamId", String.class, FormerTeamMember::teamId)
            .attr("workerId", String.class, FormerTeamMember::workerId)
            .attr("displayName", String.class, FormerTeamMember::displayName)
            .attr("joinedAt", Instant.class, FormerTeamMember::joinedAt)
            .attr("leftAt", Instant.class, FormerTeamMember::leftAt)
            .attr("removedBy", String.class, FormerTeamMember::removedBy)
            .build(f -> new FormerTeamMember(f.string("teamId"), f.string("workerId"), f.string("displayName"),
                    f.get("joinedAt"), f.get("leftAt"), f.string("removedBy")));

    private final DataTable data;
    private final DynamoDbTable<Team> teams;
    private final DynamoDbTable<TeamMember> members;
    private final DynamoDbTable<FormerTeamMember> former;

    @Inject
    public TeamStore(DataTable data) {
        this.data = data;
        this.teams = data.of(TEAM);
        this.members = data.of(MEMBER);
        this.former = data.of(FORMER);
    }

    /** Read strongly consistent: a worker removed a moment ago is no longer a member. */
    public Optional<TeamMember> member(String teamId, String workerId) {
        return Optional.ofNullable(members.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue(Keys.team(teamId)).sortValue(Keys.member(workerId)).build())));
    }

    /** Ends a membership and keeps it as a former one, together; false when it had ended already. */
    public boolean removeMember(TeamMember member, Instant at, String by) {
        try {
            Transaction.on(data)
                    .deleteExisting(Keys.team(member.teamId()), Keys.member(member.workerId()))
                    .create(FORMER, new FormerTeamMember(member.teamId(), member.workerId(), member.displayName(),
                            member.joinedAt(), at, by))
                    .commit();
            return true;
        } catch (Transaction.ConditionFailed e) {
            return false;
        }
    }

    /** Who has left the team, earliest first by worker. */
    public List<FormerTeamMember> formerMembers(String teamId) {
        return former.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(Keys.team(teamId)).sortValue(Keys.FORMER_MEMBERS).build())))
                .items().stream().toList();
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

    /** False when the team id is already taken. */
    public boolean create(Team team) {
        return createIfAbsent(() -> teams.putItem(r -> r.item(team).conditionExpression(NEW)));
    }

    /** False when the worker is already a member of this team. */
    public boolean addMember(TeamMember member) {
        return createIfAbsent(() -> members.putItem(r -> r.item(member).conditionExpression(NEW)));
    }

    /** Every team of the provider, by id. */
    public List<Team> all() {
        return teams.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                k -> k.partitionValue("TEAMS")))).stream().flatMap(p -> p.items().stream()).toList();
    }

    /** The teams a worker is a member of. */
    public List<TeamMember> memberships(String workerId) {
        return members.index(Keys.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                k -> k.partitionValue(Keys.worker(workerId))))).stream().flatMap(p -> p.items().stream()).toList();
    }

    private static final Expression NEW = Expression.builder().expression("attribute_not_exists(PK)").build();

    private static boolean createIfAbsent(Runnable put) {
        try {
            put.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A team is small (about ten), so one query reads all of it; consistent, so a change shows at once. */
    public List<TeamMember> members(String teamId) {
        return members.query(r -> r.consistentRead(true).queryConditional(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(Keys.team(teamId)).sortValue(Keys.MEMBERS).build())))
                .items().stream().toList();
    }
}
