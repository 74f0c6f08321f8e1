package org.whatmatters.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.whatmatters.config.Env;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.SurveyResponseStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.json.Json;
import org.whatmatters.validation.Ids;

/**
 * Notifications made on a schedule rather than by a change: survey reminders on the 3rd and 7th day after the
 * invitation to those who have not answered, and the weekly digest on Sunday evening. Their ids come from what
 * they are about (period, person, reminder; client, week), so a rerun, or a run after a missed one, sends nothing
 * twice (the sender's claim).
 */
@Singleton
public final class ScheduledNotifications {

    static final List<Integer> REMINDER_DAYS = List.of(3, 7);

    private final ContractStore contracts;
    private final SurveyPeriodStore periods;
    private final InvitationStore invitations;
    private final SurveyResponseStore responses;
    private final TeamStore teams;
    private final ClientStore clients;
    private final FamilyLinkStore links;
    private final VisitStore visits;
    private final StoryStore stories;
    private final NotificationPlanner planner;
    private final NotificationQueue queue;
    private final ZoneId zone;
    private final Clock clock;

    @Inject
    public ScheduledNotifications(ContractStore contracts, SurveyPeriodStore periods, InvitationStore invitations,
                                  SurveyResponseStore responses, TeamStore teams, ClientStore clients,
                                  FamilyLinkStore links, VisitStore visits, StoryStore stories,
                                  NotificationPlanner planner, NotificationQueue queue, Env env, Clock clock) {
        this.contracts = contracts;
        this.periods = periods;
        this.invitations = invitations;
        this.responses = responses;
        this.teams = teams;
        this.clients = clients;
        this.links = links;
        this.visits = visits;
        this.stories = stories;
        this.planner = planner;
        this.queue = queue;
        this.zone = env.zone();
        this.clock = clock;
    }

    /** Reminders due today in every open period; answers how many notifications were queued. */
    public int reminders() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Notification> out = new ArrayList<>();
        for (Contract contract : contracts.all()) {
            SurveyPeriod period = periods.openOn(contract.contractId(), today).orElse(null);
            if (period == null) {
                continue;
            }
            Set<String> answered = responses.ofPeriod(period.periodId()).stream()
                    .filter(r -> r.respondentType() == RespondentType.FAMILY).map(SurveyResponse::respondentId)
                    .collect(Collectors.toSet());
            for (Invitation i : invitations.ofPeriod(period.periodId())) {
                if (i.respondentType() != RespondentType.FAMILY || answered.contains(i.respondentId())) {
                    continue;
                }
                long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(i.invitedAt(), zone), today);
                // The latest reminder due: a run after missed days sends that one only, not every one missed.
                Integer due = REMINDER_DAYS.stream().filter(d -> days >= d).reduce((a, b) -> b).orElse(null);
                if (due == null) {
                    continue;
                }
                ObjectNode data = Json.MAPPER.createObjectNode().put("periodId", period.periodId())
                        .put("label", period.label()).put("opensOn", period.opensOn().toString())
                        .put("closesOn", period.closesOn().toString()).put("reminder", due);
                out.addAll(planner.route(new Notification(id("survey-reminder", period.periodId(), i.respondentId(),
                        due.toString()), UpdateKind.SURVEY_REMINDER, Channel.EMAIL, i.respondentId(), i.clientId(), now, data)));
            }
        }
        send(out);
        return out.size();
    }

    /** The week ending today (Monday to Sunday, provider's zone) for every person with family linked. */
    public int digest() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        List<Notification> out = new ArrayList<>();
        for (Team team : teams.all()) {
            for (Client client : clients.ofTeam(team.teamId())) {
                List<String> family = links.ofClient(client.clientId()).stream().filter(FamilyLink::active)
                        .map(FamilyLink::familySub).distinct().toList();
                if (family.isEmpty()) {
                    continue;
                }
                long done = visits.page(client.clientId(), from, to, 100, null).visits().stream()
                        .filter(v -> v.status() == VisitStatus.COMPLETED).count();
                long shared = stories.page(client.clientId(), true, monday, today, 100, null).items().size();
                ObjectNode data = Json.MAPPER.createObjectNode().put("weekOf", monday.toString())
                        .put("visits", done).put("stories", shared);
                for (String sub : family) {
                    out.addAll(planner.route(new Notification(id("weekly-digest", client.clientId(), monday.toString()),
                            UpdateKind.WEEKLY_DIGEST, Channel.EMAIL, sub, client.clientId(), now, data)));
                }
            }
        }
        send(out);
        return out.size();
    }

    private void send(List<Notification> out) {
        for (int i = 0; i < out.size(); i += 100) {
            queue.send(out.subList(i, Math.min(out.size(), i + 100)));
        }
    }

    /** The same for the same reminder or digest, however often it is planned. */
    static String id(String... parts) {
        return Ids.derived("n-", 12, parts);
    }
}
