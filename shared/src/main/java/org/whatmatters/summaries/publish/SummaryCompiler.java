package org.whatmatters.summaries.publish;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.Keys;
import org.whatmatters.data.PlannedHoursStore;
import org.whatmatters.data.StoryStore;
import org.whatmatters.data.SummaryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.OutcomeStory;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.Team;
import org.whatmatters.domain.TeamMember;
import org.whatmatters.domain.Visit;
import org.whatmatters.domain.VisitStatus;
import org.whatmatters.json.Json;
import org.whatmatters.ops.Metric;
import org.whatmatters.ops.ScheduledRun;
import org.whatmatters.setup.SizeAdvice;
import org.whatmatters.summaries.ClientDays;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.Continuity;
import org.whatmatters.summaries.ContractActivity;
import org.whatmatters.summaries.Impact;
import org.whatmatters.summaries.Label;
import org.whatmatters.summaries.Nps;
import org.whatmatters.summaries.Numbers;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.PlannedHoursFigure;
import org.whatmatters.summaries.Redaction;
import org.whatmatters.summaries.SharedStory;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;
import org.whatmatters.summaries.TrendPoint;
import org.whatmatters.summaries.render.DashboardCsv;
import org.whatmatters.summaries.render.DashboardHtml;
import org.whatmatters.summaries.render.SummaryCsv;
import org.whatmatters.summaries.render.SummaryHtml;
import org.whatmatters.visits.Punctuality;
import org.whatmatters.visits.VisitTiming;

/**
 * Compiles summaries from the running aggregates and writes them, in three forms, to the summaries
 * bucket, then records them in the catalogue. What it reads grows with teams × periods (a few
 * aggregate items per team and month or period, the teams' clients and plans, at most
 * {@value #SHARED_STORIES} stories per team), never with the visits and responses stored; a dashboard also reads
 * the month's visits of the people with a late or missed visit, so that part follows the lapses. The
 * same data and day give the same bytes, so compiling again is always safe.
 */
@Singleton
public final class SummaryCompiler {

    /** Periods in a commissioner summary's trend, this one included. */
    static final int TREND_PERIODS = 4;
    /** Months in a team dashboard's trend, this one included. */
    static final int TREND_MONTHS = 6;
    static final int SHARED_STORIES = 3;

    private final AggregateStore aggregates;
    private final ContractStore contracts;
    private final SurveyPeriodStore periods;
    private final TeamStore teams;
    private final ClientStore clients;
    private final FamilyLinkStore links;
    private final PlannedHoursStore plans;
    private final StoryStore stories;
    private final SummaryStore catalogue;
    private final SummaryBucket bucket;
    private final VisitMonths visits;
    private final Clock clock;

    @Inject
    public SummaryCompiler(AggregateStore aggregates, ContractStore contracts, SurveyPeriodStore periods, TeamStore teams,
                           ClientStore clients, FamilyLinkStore links, PlannedHoursStore plans, StoryStore stories,
                           SummaryStore catalogue, SummaryBucket bucket, VisitMonths visits, Clock clock) {
        this.aggregates = aggregates;
        this.contracts = contracts;
        this.periods = periods;
        this.teams = teams;
        this.clients = clients;
        this.links = links;
        this.plans = plans;
        this.stories = stories;
        this.catalogue = catalogue;
        this.bucket = bucket;
        this.visits = visits;
        this.clock = clock;
    }

    public static String summaryId(String periodId) {
        return "cs-" + periodId;
    }

    public static String dashboardId(String teamId, YearMonth month) {
        return "td-" + teamId + "-" + month;
    }

    /** What a scheduled run compiled, and the units (summary or dashboard ids) that failed. */
    public record Run(List<SummaryEntry> compiled, List<String> failed) {
    }

    /**
     * The monthly run, on the first of a month: every team's dashboard for the month before, and
     * every survey period that overlaps it, with the data up to yesterday (that month's last day when
     * the run is on time; a late run does not take a period's summary back to an older day). Each
     * dashboard and summary is a unit of its own: one that fails does not stop the others.
     */
    public Run monthly(LocalDate today, String by) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate yesterday = today.minusDays(1);
        ScheduledRun run = new ScheduledRun(Metric.SUMMARY_FAILURES);
        List<SummaryEntry> out = new ArrayList<>();
        for (Team t : teams.all()) {
            run.attempt(dashboardId(t.teamId(), month), () -> teamDashboard(t, month, last, by)).ifPresent(out::add);
        }
        for (Contract c : contracts.all()) {
            for (SurveyPeriod p : periodsOf(run, c)) {
                if (p.overlaps(first, last)) {
                    run.attempt(summaryId(p.periodId()), () -> commissionerSummary(c, p, yesterday, by))
                            .ifPresent(out::add);
                }
            }
        }
        return new Run(out, run.failed());
    }

    /** The end-of-period run: each period that has ended and has no final summary yet gets one, each on its own. */
    public Run periodEnds(LocalDate today, String by) {
        ScheduledRun run = new ScheduledRun(Metric.SUMMARY_FAILURES);
        List<SummaryEntry> out = new ArrayList<>();
        for (Contract c : contracts.all()) {
            for (SurveyPeriod p : periodsOf(run, c)) {
                if (p.closesOn().isBefore(today)
                        && !catalogue.find(summaryId(p.periodId())).map(SummaryEntry::complete).orElse(false)) {
                    run.attempt(summaryId(p.periodId()), () -> commissionerSummary(c, p, p.closesOn(), by))
                            .ifPresent(out::add);
                }
            }
        }
        return new Run(out, run.failed());
    }

    /** A contract whose periods cannot be read is a failed unit too; the other contracts go on. */
    private List<SurveyPeriod> periodsOf(ScheduledRun run, Contract c) {
        return run.attempt("contract " + c.contractId(), () -> periods.ofContract(c.contractId())).orElse(List.of());
    }

    /** One period's summary with the data up to {@code asOf} (final once that is the period's last day or later). */
    public SummaryEntry commissionerSummary(SurveyPeriod period, LocalDate asOf, String by) {
        Contract c = contracts.find(period.contractId())
                .orElseThrow(() -> new IllegalStateException("period " + period.periodId() + " has no contract"));
        return commissionerSummary(c, period, asOf, by);
    }

    private SummaryEntry commissionerSummary(Contract c, SurveyPeriod period, LocalDate asOf, String by) {
        LocalDate through = asOf.isBefore(period.closesOn()) ? asOf : period.closesOn();
        boolean complete = !asOf.isBefore(period.closesOn());
        List<TrendPoint> trend = new ArrayList<>();
        List<SurveyPeriod> earlier = periods.ofContract(c.contractId()).stream()
                .filter(p -> p.closesOn().isBefore(period.opensOn()))
                .sorted(Comparator.comparing(SurveyPeriod::opensOn)).toList();
        for (SurveyPeriod p : earlier.subList(Math.max(0, earlier.size() - (TREND_PERIODS - 1)), earlier.size())) {
            trend.add(new TrendPoint(p.periodId(), p.label(), p.opensOn(), p.closesOn(), feedback(p).overall()));
        }
        PeriodSummary feedback = feedback(period);
        trend.add(new TrendPoint(period.periodId(), period.label(), period.opensOn(), period.closesOn(), feedback.overall()));

        // Activity is counted by calendar month: the months the period spans, up to the last day counted.
        LocalDate from = latest(period.opensOn().withDayOfMonth(1), c.startsOn());
        LocalDate to = earliest(through, c.endsOn());
        List<Map<String, Long>> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(aggregates.read(AggregateKey.contractMonth(c.contractId(), m)));
        }
        ClientDays days = ClientDays.NONE;
        List<Label> teamLabels = new ArrayList<>();
        Redaction redaction = new Redaction(through);
        List<OutcomeStory> shared = new ArrayList<>();
        for (String teamId : c.teamIds().stream().sorted().toList()) {
            days = days.plus(ClientDays.of(plans.ofTeam(teamId, to), from, to));
            teamLabels.add(new Label(teamId, teams.find(teamId).map(Team::name).orElse(teamId)));
            shared.addAll(stories.sharedWithCommissioners(teamId, period.opensOn(), through, SHARED_STORIES));
        }
        List<SharedStory> chosen = new ArrayList<>();
        shared.sort(Comparator.comparing(OutcomeStory::date).thenComparing(OutcomeStory::storyId).reversed());
        if (!shared.isEmpty()) {
            c.teamIds().stream().sorted().forEach(teamId -> people(teamId, redaction));
        }
        for (OutcomeStory s : shared.subList(0, Math.min(SHARED_STORIES, shared.size()))) {
            redaction.person(s.recordedBy(), s.authorName(), s.authorRole() == OutcomeStory.AuthorRole.WORKER
                    ? Redaction.CARER : Redaction.FAMILY);
            chosen.add(new SharedStory(YearMonth.from(s.date()), s.domains(), redaction.redact(s.title()),
                    redaction.redact(s.text())));
        }
        Impact impact = new Impact(from, to, ContractActivity.compile(months, days.days()), PlannedHoursFigure.of(days),
                chosen);
        List<Label> questions = period.questions().stream().map(q -> new Label(q.questionId(), q.text())).toList();
        String id = summaryId(period.periodId());
        CommissionerSummary summary = new CommissionerSummary(CommissionerSummary.KIND, CommissionerSummary.SCHEMA_VERSION,
                id, c.commissionerName() + ": outcomes summary", c.contractId(), c.commissionerName(),
                period.periodId(), period.label(), period.opensOn(), period.closesOn(), through, complete, Nps.BENCHMARK,
                feedback, trend, impact, teamLabels, questions);
        String base = "summaries/" + id + "/";
        List<SummaryFile> files = List.of(
                bucket.put(base + "summary.json", "json", "application/json", json(summary)),
                bucket.put(base + "summary.csv", "csv", "text/csv; charset=utf-8", SummaryCsv.render(summary)),
                bucket.put(base + "summary.html", "html", "text/html; charset=utf-8", SummaryHtml.render(summary)));
        SummaryEntry entry = new SummaryEntry(id, SummaryKind.COMMISSIONER_SUMMARY, summary.title() + " – " + period.label(),
                c.contractId(), c.commissionerId(), null, period.periodId(), period.opensOn(), period.closesOn(), through,
                complete, files, clock.instant(), by);
        catalogue.put(entry);
        Metric.SUMMARIES_COMPILED.add();
        return entry;
    }

    /** A team's dashboard for a month, with the data up to {@code asOf}. */
    public SummaryEntry teamDashboard(Team team, YearMonth month, LocalDate asOf, String by) {
        String teamId = team.teamId();
        LocalDate first = month.atDay(1);
        LocalDate through = earliest(asOf, month.atEndOfMonth());
        boolean complete = !asOf.isBefore(month.atEndOfMonth());
        Map<String, Long> counters = aggregates.read(AggregateKey.teamMonth(teamId, month));
        ClientDays days = ClientDays.of(plans.ofTeam(teamId, through), first, through);
        TeamActivity activity = TeamActivity.compile(List.of(counters), days.days());
        List<TeamDashboard.MonthPoint> trend = new ArrayList<>();
        for (int back = TREND_MONTHS - 1; back >= 0; back--) {
            YearMonth m = month.minusMonths(back);
            TeamActivity a = back == 0 ? activity
                    : TeamActivity.compile(List.of(aggregates.read(AggregateKey.teamMonth(teamId, m))), 0);
            trend.add(new TeamDashboard.MonthPoint(m, a.visits(), a.careMinutes(), a.shiftMinutes(), a.magicNumber(),
                    a.continuity().meanWorkers(), a.continuity().meanIndex()));
        }
        Map<String, String> names = new TreeMap<>();
        clients.ofTeam(teamId).forEach(cl -> names.put(cl.clientId(), cl.displayName()));
        List<TeamDashboard.ClientRow> rows = new ArrayList<>();
        Continuity.perClient(counters).forEach((clientId, cc) -> rows.add(new TeamDashboard.ClientRow(clientId,
                names.getOrDefault(clientId, clientId), cc.visits(), cc.workers(),
                cc.index() == null ? null : Numbers.round(cc.index(), 2))));
        List<TeamDashboard.TeamPeriod> feedback = new ArrayList<>();
        for (Contract c : contracts.all()) {
            if (!c.teamIds().contains(teamId)) {
                continue;
            }
            List<SurveyPeriod> started = periods.ofContract(c.contractId()).stream()
                    .filter(p -> !p.opensOn().isAfter(through)).sorted(Comparator.comparing(SurveyPeriod::opensOn)).toList();
            for (SurveyPeriod p : started.subList(Math.max(0, started.size() - TREND_PERIODS), started.size())) {
                feedback(p).teams().stream().filter(t -> t.teamId().equals(teamId)).findFirst().ifPresent(t ->
                        feedback.add(new TeamDashboard.TeamPeriod(c.contractId(), p.periodId(), p.label(), p.opensOn(),
                                p.closesOn(), t.figures())));
            }
        }
        int size = teams.members(teamId).size();
        String id = dashboardId(teamId, month);
        TeamDashboard d = new TeamDashboard(TeamDashboard.KIND, TeamDashboard.SCHEMA_VERSION, id, teamId, team.name(), month,
                through, complete, size, SizeAdvice.of(size).orElse(null), activity, trend, rows, feedback,
                lateAndMissed(teamId, month, through, counters, names));
        String base = "dashboards/" + teamId + "/" + month + "/";
        List<SummaryFile> files = List.of(
                bucket.put(base + "dashboard.json", "json", "application/json", json(d)),
                bucket.put(base + "dashboard.csv", "csv", "text/csv; charset=utf-8", DashboardCsv.render(d)),
                bucket.put(base + "dashboard.html", "html", "text/html; charset=utf-8", DashboardHtml.render(d)));
        SummaryEntry entry = new SummaryEntry(id, SummaryKind.TEAM_DASHBOARD, team.name() + ": team dashboard – " + month,
                null, null, teamId, null, first, month.atEndOfMonth(), through, complete, files, clock.instant(), by);
        catalogue.put(entry);
        Metric.SUMMARIES_COMPILED.add();
        return entry;
    }

    /**
     * The month's late and missed visits by person. Only the people whose late or missed counters are above zero
     * are read (a visit still in progress after a late check-in is counted when it ends), so the cost follows the
     * lapses, not the visits.
     */
    private List<TeamDashboard.PersonVisits> lateAndMissed(String teamId, YearMonth month, LocalDate through,
                                                           Map<String, Long> counters, Map<String, String> names) {
        List<String> lapsed = counters.entrySet().stream().filter(e -> e.getValue() > 0
                        && (e.getKey().startsWith(Counter.lateFor("")) || e.getKey().startsWith(Counter.missedFor(""))))
                .map(e -> e.getKey().substring(e.getKey().indexOf('#') + 1)).distinct()
                .sorted(Comparator.comparing((String c) -> names.getOrDefault(c, c)).thenComparing(c -> c)).toList();
        if (lapsed.isEmpty()) {
            return List.of();
        }
        Map<String, String> workers = visits.workerNames(List.of(teamId));
        List<TeamDashboard.PersonVisits> out = new ArrayList<>();
        for (String clientId : lapsed) {
            List<TeamDashboard.LapsedVisit> list = new ArrayList<>();
            for (Visit v : visits.of(clientId, month)) {
                VisitTiming t = VisitTiming.of(v, visits.rules());
                boolean lapse = v.status() == VisitStatus.MISSED || v.missedAt() != null
                        || t.punctuality() == Punctuality.LATE;
                if (v.teamId().equals(teamId) && !v.serviceDate().isAfter(through) && v.status() != VisitStatus.CANCELLED
                        && lapse) {
                    list.add(new TeamDashboard.LapsedVisit(v.visitId(), v.serviceDate(), v.plannedStart(),
                            v.plannedStart().atZone(visits.zone()).toLocalTime(), v.status(),
                            t.minutesLate(), v.missedAt() != null, v.workerIds().stream()
                            .map(w -> new TeamDashboard.Worker(w, workers.getOrDefault(w, w))).toList()));
                }
            }
            if (!list.isEmpty()) {
                out.add(new TeamDashboard.PersonVisits(clientId, names.getOrDefault(clientId, clientId), list));
            }
        }
        return out;
    }

    private PeriodSummary feedback(SurveyPeriod p) {
        Map<String, Map<String, Long>> items = aggregates.readAll(AggregateKey.period(p.periodId()).pk());
        Map<String, Long> overall = items.getOrDefault(AggregateKey.period(p.periodId()).sk(), Map.of());
        Map<String, Map<String, Long>> byTeam = new TreeMap<>();
        String prefix = Keys.team("");
        items.forEach((sk, counters) -> {
            if (sk.startsWith(prefix)) {
                byTeam.put(sk.substring(prefix.length()), counters);
            }
        });
        return PeriodSummary.compile(p.periodId(), overall, byTeam);
    }

    /** Everyone a story of the team might name (its clients, their families, its workers past and present), and where the clients live. */
    private void people(String teamId, Redaction redaction) {
        List<Client> ofTeam = clients.ofTeam(teamId);
        // Clients first: a name shared with a relative stays "[the person]".
        ofTeam.forEach(cl -> redaction.person(cl.clientId(), cl.displayName(), Redaction.PERSON));
        ofTeam.forEach(cl -> clients.addresses(cl.clientId()).forEach(redaction::address));
        ofTeam.forEach(cl -> links.ofClient(cl.clientId())
                .forEach(l -> redaction.person(l.familySub(), l.displayName(), Redaction.FAMILY)));
        for (TeamMember m : teams.members(teamId)) {
            redaction.person(m.workerId(), m.displayName(), Redaction.CARER);
        }
        // Those who have left are still named in the stories of their time.
        teams.formerMembers(teamId).forEach(m -> redaction.person(m.workerId(), m.displayName(), Redaction.CARER));
    }

    private static String json(Object document) {
        return Json.writePretty(document);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
