package org.whatmatters.data;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Key attribute names and the key values of the single-table design (see docs/architecture.md). */
public final class Keys {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String KIND = "kind";
    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";
    public static final String GSI3 = "GSI3";

    private Keys() {
    }

    public static String team(String teamId) {
        return "TEAM#" + teamId;
    }

    /** SK prefix of a team's members, under the team. */
    public static final String MEMBERS = "MEMBER#";

    public static String member(String workerId) {
        return MEMBERS + workerId;
    }

    public static String worker(String workerId) {
        return "WORKER#" + workerId;
    }

    /** SK prefix of the workers who left a team, under the team. */
    public static final String FORMER_MEMBERS = "FORMER#";

    /** A worker who left a team, kept for turnover: one item per leaving, under the team. */
    public static String formerMember(String workerId, Instant leftAt) {
        return FORMER_MEMBERS + workerId + "#" + millis(leftAt);
    }

    /** A commissioner organisation: its accounts live under it (SK account(sub)). */
    public static String commissioner(String commissionerId) {
        return "COMMISSIONER#" + commissionerId;
    }

    public static String account(String sub) {
        return "ACCOUNT#" + sub;
    }

    public static String client(String clientId) {
        return "CLIENT#" + clientId;
    }

    public static String notificationPreferences(String recipientId) {
        return "PREFS#" + recipientId;
    }

    /** Under a family member's PREFS# partition: how to reach them. */
    public static final String CONTACT = "CONTACT";

    /** Under a family member's PREFS# partition: one browser or phone that takes Web Push. */
    public static String pushSubscription(String subscriptionId) {
        return "PUSH#" + subscriptionId;
    }

    /** Whose a browser's push subscription is: one person's only (a shared tablet moves it). */
    public static String pushEndpoint(String subscriptionId) {
        return "PUSHENDPOINT#" + subscriptionId;
    }

    /** What was sent to one person, one item per update and channel. */
    public static String deliveries(String recipientId) {
        return "NOTIFIED#" + recipientId;
    }

    public static String delivery(String updateId, String channel) {
        return updateId + "#" + channel;
    }

    /** An address no longer written to on a channel, by the hash of the address (a bounce names only that). */
    public static String suppression(String channel, String address) {
        return "SUPPRESSED#" + channel + "#" + sha256(address.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** A one-click unsubscribe token, its own partition so the unsigned link finds it in one read. */
    public static String unsubscribe(String token) {
        return "UNSUBSCRIBE#" + token;
    }

    /** Notifications held by quiet hours, by the day they are due (provider's zone), sorted by the instant. */
    public static String held(java.time.LocalDate day) {
        return "HELD#" + day;
    }

    /** SMS counted per person per day, and per stack per month (the spend limit). */
    public static String smsCount(String scope) {
        return "SMSCOUNT#" + scope;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address a client's visit was planned at, under the client: one item per address, named by its hash. */
    public static String clientAddress(String address) {
        return ADDRESS_PREFIX + sha256(address.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static final String ADDRESS_PREFIX = "ADDRESS#";

    public static String teamClients(String teamId) {
        return "TEAM#" + teamId + "#CLIENTS";
    }

    public static String family(String sub) {
        return "FAMILY#" + sub;
    }

    /** A family link that ended and was later replaced by a new one: kept beside it, never overwritten. */
    public static String pastFamilyLink(String sub, Instant linkedAt) {
        return "FAMILY#" + sub + "#" + millis(linkedAt);
    }

    public static String visit(String visitId) {
        return "VISIT#" + visitId;
    }

    /** GSI2, sparse: visits nobody has checked in to, by the UTC day of their planned start. */
    public static String dueToStart(java.time.LocalDate day) {
        return "DUE#START#" + day;
    }

    /** GSI2, sparse: visits already flagged late, by the UTC day of their planned end. */
    public static String dueToEnd(java.time.LocalDate day) {
        return "DUE#END#" + day;
    }

    /** A client's recurring schedule (SK {@link #SCHEDULE}). */
    public static String schedule(String scheduleId) {
        return "SCHEDULE#" + scheduleId;
    }

    public static final String SCHEDULE = "SCHEDULE";

    /** GSI1: a client's schedules, by the day they start. */
    public static String clientSchedules(String clientId) {
        return "CLIENT#" + clientId + "#SCHEDULES";
    }

    /** GSI2: a team's schedules, by the day they start: what a new one is checked against for double-booking. */
    public static String teamSchedules(String teamId) {
        return "TEAM#" + teamId + "#SCHEDULES";
    }

    /**
     * GSI3: every schedule, by its last day ({@link #OPEN_ENDED} when it has none), so the daily generation reads
     * those still in force with one query from today on (a few hundred per provider at most).
     */
    public static final String SCHEDULES_IN_FORCE = "SCHEDULES#BYEND";

    public static final String OPEN_ENDED = "9999-12-31";

    public static String clientVisits(String clientId) {
        return "CLIENT#" + clientId + "#VISITS";
    }

    /**
     * A client's n-th planned-hours change. Created only if absent, so two changes racing for the
     * same place in the history cannot both be written.
     */
    public static String plannedHours(int sequence) {
        return PLANNED_HOURS + String.format("%06d", sequence);
    }

    /** SK prefix of a client's planned-hours history. */
    public static final String PLANNED_HOURS = "HOURS#";

    public static String teamPlannedHours(String teamId) {
        return "TEAM#" + teamId + "#HOURS";
    }

    public static String contract(String contractId) {
        return "CONTRACT#" + contractId;
    }

    /** GSI1 sort key of a contract in the CONTRACTS list: a commissioner's own are one begins_with away. */
    public static String commissionerContract(String commissionerId, String contractId) {
        return "COMMISSIONER#" + commissionerId + "#CONTRACT#" + contractId;
    }

    public static String teamContracts(String teamId) {
        return "TEAM#" + teamId + "#CONTRACTS";
    }

    public static String period(String periodId) {
        return "PERIOD#" + periodId;
    }

    public static String contractPeriods(String contractId) {
        return "CONTRACT#" + contractId + "#PERIODS";
    }

    /** SK prefix of a survey period's invitations. */
    public static final String INVITATIONS = "INVITATION#";

    public static String invitation(String respondentType, String respondentId) {
        return INVITATIONS + respondentType + "#" + respondentId;
    }

    public static String respondent(String respondentType, String respondentId) {
        return "RESPONDENT#" + respondentType + "#" + respondentId;
    }

    public static String familyInvite(String codeHash) {
        return "FAMILYINVITE#" + codeHash;
    }

    public static String story(String storyId) {
        return "STORY#" + storyId;
    }

    public static String clientStories(String clientId) {
        return "CLIENT#" + clientId + "#STORIES";
    }

    /** The sparse GSI2 partition of a client's stories the family may read. */
    public static String clientFamilyStories(String clientId) {
        return "CLIENT#" + clientId + "#STORIES#FAMILY";
    }

    /** The sparse GSI3 partition of a team's stories shared with commissioners (anonymised). */
    public static String teamSharedStories(String teamId) {
        return "TEAM#" + teamId + "#STORIES#COMMISSIONER";
    }

    public static String summary(String summaryId) {
        return "SUMMARY#" + summaryId;
    }

    /** GSI1: every summary, by the last day it covers. */
    public static final String ALL_SUMMARIES = "SUMMARIES";

    /** GSI2: a commissioner's summaries, by the last day they cover. */
    public static String commissionerSummaries(String commissionerId) {
        return "COMMISSIONER#" + commissionerId + "#SUMMARIES";
    }

    /** GSI2: a team's dashboards, by month. */
    public static String teamDashboards(String teamId) {
        return "TEAM#" + teamId + "#DASHBOARDS";
    }

    public static String link(String linkId) {
        return "LINK#" + linkId;
    }

    /** GSI2: the link audit trail, newest first: one partition, as links are issued a few times a day. */
    public static final String LINK_AUDIT = "LINKAUDIT";

    /** GSI1: the links issued for one summary. */
    public static String summaryLinks(String summaryId) {
        return "SUMMARY#" + summaryId + "#LINKS";
    }

    public static String healthEvent(String eventId) {
        return "HEALTH#" + eventId;
    }

    public static String clientHealthEvents(String clientId) {
        return "CLIENT#" + clientId + "#HEALTH";
    }

    public static String shift(String shiftId) {
        return "SHIFT#" + shiftId;
    }

    public static String teamShifts(String teamId) {
        return "TEAM#" + teamId + "#SHIFTS";
    }

    /** SK prefix of a survey period's responses. */
    public static final String RESPONSES = "RESPONSE#";

    /** A survey response's sort key under its period: one per respondent. */
    public static String response(String respondentType, String respondentId) {
        return RESPONSES + respondentType + "#" + respondentId;
    }

    /** A running aggregate of a team's month: PK, with SK {@link #month}. */
    public static String teamAggregate(String teamId) {
        return "AGG#TEAM#" + teamId;
    }

    public static String contractAggregate(String contractId) {
        return "AGG#CONTRACT#" + contractId;
    }

    /** A survey period's aggregates: SK {@link #ALL} overall, {@link #team} per team. */
    public static String periodAggregate(String periodId) {
        return "AGG#PERIOD#" + periodId;
    }

    public static String month(YearMonth month) {
        return "MONTH#" + month;
    }

    public static final String ALL = "ALL";

    /** One claimed Idempotency-Key of one caller (SK {@link #IDEMPOTENCY}). */
    public static String idempotencyKey(String callerSub, String key) {
        return "IDEM#" + callerSub + "#" + key;
    }

    public static final String IDEMPOTENCY = "IDEM";

    /** A client's live-update feed, oldest first: what a family reads after being offline. */
    public static String feed(String clientId) {
        return "FEED#" + clientId;
    }

    /** Milliseconds, so that updates of one second keep their order; the id makes the key unique. */
    public static String feedEntry(Instant time, String updateId) {
        return millis(time) + "#" + updateId;
    }

    /** Sorts by time as text to the millisecond, always the same width. */
    public static String millis(Instant t) {
        return MILLIS.format(t);
    }

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** ConnectionsTable: a WebSocket connection (SK CONN) and each client it watches (SK watch(clientId)). */
    public static String connection(String connectionId) {
        return "CONN#" + connectionId;
    }

    public static String watch(String clientId) {
        return "WATCH#" + clientId;
    }

    /** ConnectionsTable GSI1: the connections watching a client. */
    public static String watchers(String clientId) {
        return "WATCHERS#" + clientId;
    }

    /** ConnectionsTable GSI1: one person's open connections, oldest first. */
    public static String subConnections(String sub) {
        return "SUB#" + sub;
    }

    /** ConnectionsTable GSI2: every connection by when its token expires (one partition: a few thousand at most). */
    public static final String CLOSING = "CLOSING";

    /** Sorts by time as text: whole seconds, always the same width. */
    public static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
