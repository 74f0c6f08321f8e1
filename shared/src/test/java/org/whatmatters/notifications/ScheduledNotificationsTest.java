package org.whatmatters.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.whatmatters.config.Env;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.HeldNotificationStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.NotificationPreferencesStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.SurveyResponseStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.data.VisitStore;
import org.whatmatters.domain.Channel;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.NotificationPreferences;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.domain.UpdateKind;
import org.whatmatters.testing.People;
import org.whatmatters.testing.TestTable;

/** Survey reminders on day 3 and 7 to those invited who have not answered, and the weekly digest, on DynamoDB Local. */
class ScheduledNotificationsTest {

    /** Invitations go out on Monday 30 November 2026 at 09:00 London. */
    static final Instant INVITED = Instant.parse("2026-11-30T09:00:00Z");

    private final TestTable table = new TestTable();
    private final DataTable data = table.data();
    private final List<Notification> queued = new ArrayList<>();
    private final Env env = name -> Optional.ofNullable(Map.of("TIME_ZONE", "Europe/London").get(name));

    ScheduledNotificationsTest() {
        People.seed(data);
        Contract contract = new Contract("ct-1", "comm-ridgeshire", "Ridgeshire", List.of(People.NORTH, People.SOUTH),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), "a-priya", INVITED, 1);
        new ContractStore(data).create(contract);
        new SurveyPeriodStore(data).create(new SurveyPeriod("p-1", "ct-1", "Winter 2026", LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-20"), SurveyPeriod.DEFAULT_QUESTIONS, "a-priya", INVITED), contract);
        var invitations = new InvitationStore(data);
        invitations.invite(new Invitation("p-1", "ct-1", RespondentType.FAMILY, "f-maria", People.ROSA, People.NORTH, "a-priya", INVITED));
        invitations.invite(new Invitation("p-1", "ct-1", RespondentType.FAMILY, "f-tom", People.ARTHUR, People.SOUTH, "a-priya", INVITED));
        new SurveyResponseStore(data).create(new SurveyResponse("p-1", RespondentType.FAMILY, "f-tom", People.ARTHUR,
                People.SOUTH, Map.of("positive-impact", 6), 10, null, "f-tom", INVITED.plusSeconds(3600)), List.of());
        var prefs = new NotificationPreferencesStore(data);
        prefs.put(NotificationPreferences.defaults("f-maria", People.ROSA));
    }

    private ScheduledNotifications at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var channels = new RecordingChannels(Channel.EMAIL, Channel.PUSH);
        var planner = new NotificationPlanner(new FamilyLinkStore(data), new NotificationPreferencesStore(data),
                new ContactStore(data), new HeldNotificationStore(data), queued::addAll, channels, env, clock);
        return new ScheduledNotifications(new ContractStore(data), new SurveyPeriodStore(data), new InvitationStore(data),
                new SurveyResponseStore(data), new TeamStore(data), new ClientStore(data), new FamilyLinkStore(data),
                new VisitStore(data), new StoryStore(data), planner, queued::addAll, env, clock);
    }

    @Test
    void remindersGoOnDayThreeAndSevenToThoseWhoHaveNotAnsweredOnly() {
        assertEquals(0, at(Instant.parse("2026-12-02T10:00:00Z")).reminders(), "day 2: none due");
        assertEquals(1, at(Instant.parse("2026-12-03T10:00:00Z")).reminders(), "day 3: Maria, not Tom who answered");
        Notification third = queued.getFirst();
        assertEquals("f-maria", third.recipientId());
        assertEquals(UpdateKind.SURVEY_REMINDER, third.kind());
        assertEquals(Channel.EMAIL, third.channel());
        assertEquals(3, third.data().path("reminder").asInt());
        at(Instant.parse("2026-12-04T10:00:00Z")).reminders();
        assertEquals(third.updateId(), queued.getLast().updateId(), "day 4 plans day 3's again: the sender sends it once");
        at(Instant.parse("2026-12-07T10:00:00Z")).reminders();
        assertEquals(7, queued.getLast().data().path("reminder").asInt());
        assertEquals(2, queued.stream().map(Notification::updateId).distinct().count(), "two reminders in all");

        new SurveyResponseStore(data).create(new SurveyResponse("p-1", RespondentType.FAMILY, "f-maria", People.ROSA,
                People.NORTH, Map.of("positive-impact", 5), 9, null, "f-maria", Instant.parse("2026-12-07T12:00:00Z")), List.of());
        assertEquals(0, at(Instant.parse("2026-12-08T10:00:00Z")).reminders(), "answered: no more");
        assertEquals(0, at(Instant.parse("2026-12-21T10:00:00Z")).reminders(), "the period has closed");
    }

    @Test
    void theWeeklyDigestGoesToEachLinkedFamilyMemberWhoChoseIt() {
        var prefs = new NotificationPreferencesStore(data);
        prefs.put(NotificationPreferences.defaults("f-tom", People.ARTHUR).with(UpdateKind.WEEKLY_DIGEST, EnumSet.noneOf(Channel.class)));
        assertEquals(1, at(Instant.parse("2026-12-06T18:00:00Z")).digest(), "Maria (e-mail by default); Tom turned it off");
        Notification digest = queued.getFirst();
        assertEquals("f-maria", digest.recipientId());
        assertEquals("2026-11-30", digest.data().path("weekOf").asText());
        assertEquals(0, digest.data().path("visits").asInt());
        at(Instant.parse("2026-12-06T18:00:00Z")).digest();
        assertEquals(digest.updateId(), queued.getLast().updateId(), "a rerun is the same digest");
    }
}
