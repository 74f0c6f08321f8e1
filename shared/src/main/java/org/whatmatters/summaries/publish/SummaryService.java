package org.whatmatters.summaries.publish;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Role;
import org.whatmatters.config.Env;
import org.whatmatters.data.ContractStore;
import org.whatmatters.data.ItemPage;
import org.whatmatters.data.LinkAuditStore;
import org.whatmatters.data.SummaryStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.LinkIssued;
import org.whatmatters.domain.SummaryEntry;
import org.whatmatters.domain.SummaryFile;
import org.whatmatters.domain.SummaryKind;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.ops.Metric;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.data.ListQuery;
import org.whatmatters.validation.Checks;

/**
 * Listing summaries, handing out signed download links (each recorded in the audit trail first),
 * the audit trail itself, compiling a period on request, a team's dashboard and a contract's EVV export. A summary
 * the caller may not see is "not found", whether or not it exists. An EVV export names people: only a provider
 * admin compiles one, lists it or gets a link to it.
 */
@Singleton
public final class SummaryService {

    private static final Set<String> FORMATS = Set.of("json", "csv", "html");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private final SummaryStore catalogue;
    private final LinkAuditStore audit;
    private final SummaryBucket bucket;
    private final SummaryCompiler compiler;
    private final SurveyPeriodStore periods;
    private final TeamStore teams;
    private final ContractStore contracts;
    private final EvvExports evv;
    private final LinkLifetimes lifetimes;
    private final Clock clock;

    @Inject
    public SummaryService(SummaryStore catalogue, LinkAuditStore audit, SummaryBucket bucket, SummaryCompiler compiler,
                          SurveyPeriodStore periods, TeamStore teams, ContractStore contracts, EvvExports evv, Env env,
                          Clock clock) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.bucket = bucket;
        this.compiler = compiler;
        this.periods = periods;
        this.teams = teams;
        this.contracts = contracts;
        this.evv = evv;
        this.lifetimes = LinkLifetimes.of(env);
        this.clock = clock;
    }

    /** A commissioner lists their organisation's summaries; a provider admin every summary and dashboard. */
    public SummaryList list(Caller caller, ListQuery query) {
        ClientAccess.requireSomeRole(caller);
        Violations v = new Violations();
        ListQuery.Days days = query.days(v);
        int limit = query.size(v);
        v.throwIfAny();
        boolean admin = caller.is(Role.PROVIDER_ADMIN);
        ItemPage<SummaryEntry> page;
        if (admin) {
            page = catalogue.all(days.from(), days.to(), limit, query.cursor());
        } else if (caller.is(Role.COMMISSIONER)) {
            page = caller.commissionerId() == null ? new ItemPage<>(List.of(), null)
                    : catalogue.ofCommissioner(caller.commissionerId(), days.from(), days.to(), limit, query.cursor());
        } else {
            throw ProblemException.forbidden("Only provider admins and commissioners list summaries");
        }
        return new SummaryList(page.items().stream().map(e -> SummaryView.of(e, admin)).toList(), page.nextCursor());
    }

    /** A signed GET for one form of a summary the caller may see; recorded before it is handed out. */
    public LinkView link(Caller caller, String summaryId, LinkRequest request) {
        ClientAccess.requireSomeRole(caller);
        SummaryEntry entry = visible(caller, summaryId);
        Violations v = new Violations();
        // html unless asked; a summary kept in one form only (an EVV export: csv) in that form.
        String format = request.format() != null ? request.format()
                : entry.file("html") != null ? "html" : entry.files().getFirst().format();
        if (!FORMATS.contains(format)) {
            v.add("format", "must be one of json, csv, html");
        }
        Duration lifetime = lifetimes.standard();
        if (request.lifetimeSeconds() != null) {
            long asked = request.lifetimeSeconds();
            if (asked < 1 || asked > lifetimes.max().toSeconds()) {
                v.add("lifetimeSeconds", "must be from 1 to " + lifetimes.max().toSeconds() + " seconds");
            } else {
                lifetime = Duration.ofSeconds(asked);
            }
        }
        v.throwIfAny();
        SummaryFile file = entry.file(format);
        if (file == null) {
            throw ProblemException.notFound("Summary " + summaryId + " as " + format);
        }
        Instant now = clock.instant();
        LinkIssued issued = new LinkIssued("ln-" + UUID.randomUUID(), summaryId, format, caller.sub(),
                caller.is(Role.PROVIDER_ADMIN) ? Role.PROVIDER_ADMIN.toString() : Role.COMMISSIONER.toString(),
                caller.is(Role.PROVIDER_ADMIN) ? caller.providerId() : caller.commissionerId(), now, now.plus(lifetime));
        audit.record(issued);
        Metric.LINKS_ISSUED.add();
        String url = bucket.presign(file, lifetime, summaryId + "." + format).toString();
        return new LinkView(issued.linkId(), summaryId, format, url, now, issued.expiresAt(), (int) lifetime.toSeconds());
    }

    /** The links issued, newest first, of one summary when {@code summaryId} is given: provider admins only. */
    public LinkAuditList audit(Caller caller, String summaryId, ListQuery query) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.PROVIDER_ADMIN)) {
            throw ProblemException.forbidden("Only provider admins read the link audit trail");
        }
        Violations v = new Violations();
        ListQuery.Instants range = query.instants(v, clock.getZone());
        int limit = query.size(v);
        if (summaryId != null && !Checks.validId(summaryId)) {
            v.add("summaryId", "is not a summary id");
        }
        v.throwIfAny();
        ItemPage<LinkIssued> page = audit.page(summaryId, range.from(), range.to(), limit, query.cursor());
        return new LinkAuditList(page.items(), page.nextCursor());
    }

    /** Compiles a survey period's summary now, with the data up to today: provider admins only. */
    public SummaryView compile(Caller caller, String periodId) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.PROVIDER_ADMIN)) {
            throw ProblemException.forbidden("Only provider admins compile summaries on request");
        }
        SurveyPeriod period = Checks.validId(periodId) ? periods.find(periodId).orElse(null) : null;
        if (period == null) {
            throw ProblemException.notFound("Survey period " + periodId);
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(period.opensOn())) {
            throw ProblemException.conflict("Survey period " + periodId + " opens on " + period.opensOn()
                    + "; there is nothing to summarise yet");
        }
        return SummaryView.of(compiler.commissionerSummary(period, today, caller.sub()), true);
    }

    /**
     * Writes a contract's EVV export of a month now, with the visits as they stand: provider admins only (it
     * holds personal data). The month is this one or one before it, in which the contract was in force.
     */
    public SummaryView evvExport(Caller caller, String contractId, EvvExportRequest request) {
        ClientAccess.requireSomeRole(caller);
        if (!caller.is(Role.PROVIDER_ADMIN)) {
            throw ProblemException.forbidden("Only provider admins export EVV data: it names people and their visits");
        }
        YearMonth month = month(request.month());
        Contract c = Checks.validId(contractId) ? contracts.find(contractId).orElse(null) : null;
        if (c == null) {
            throw ProblemException.notFound("Contract " + contractId);
        }
        LocalDate today = LocalDate.now(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw ProblemException.invalidField("month", "is in the future: the latest is " + YearMonth.from(today));
        }
        if (c.startsOn().isAfter(month.atEndOfMonth()) || c.endsOn().isBefore(month.atDay(1))) {
            throw ProblemException.conflict("Contract " + contractId + " runs from " + c.startsOn() + " to "
                    + c.endsOn() + ", not in " + month);
        }
        return SummaryView.of(evv.export(c, month, today, caller.sub()), true);
    }

    private static YearMonth month(String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw ProblemException.invalidField("month", "must be a month such as 2026-11");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("month", "must be a month such as 2026-11");
        }
    }

    /**
     * A team's dashboard (the JSON document) for a month, the latest if none is named: workers of the
     * team and provider admins.
     */
    public String dashboard(Caller caller, String teamId, String month) {
        ClientAccess.requireSomeRole(caller);
        if (!SetupAccess.seesTeam(caller, teamId) || !Checks.validId(teamId) || teams.find(teamId).isEmpty()) {
            throw ProblemException.notFound("Team " + teamId);
        }
        SummaryEntry entry;
        if (month == null) {
            entry = catalogue.ofTeam(teamId, LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31), 1, null).items().stream()
                    .findFirst().orElseThrow(() -> ProblemException.notFound("A dashboard of team " + teamId));
        } else {
            YearMonth m;
            try {
                m = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("month", "must be a month such as 2026-11");
            }
            entry = catalogue.find(SummaryCompiler.dashboardId(teamId, m))
                    .orElseThrow(() -> ProblemException.notFound("The dashboard of team " + teamId + " for " + m));
        }
        return new String(bucket.get(entry.file("json").key()), StandardCharsets.UTF_8);
    }

    /**
     * A summary's JSON document, as its JSON file holds it: a commissioner their organisation's, a
     * provider admin any. Read through the API, not by link, so nothing is added to the link audit.
     */
    public String document(Caller caller, String summaryId) {
        ClientAccess.requireSomeRole(caller);
        SummaryFile json = visible(caller, summaryId).file("json");
        if (json == null) {
            throw ProblemException.notFound("Summary " + summaryId + " as json");
        }
        return new String(bucket.get(json.key()), StandardCharsets.UTF_8);
    }

    /** A summary the caller may see: a commissioner their organisation's, a provider admin any (EVV exports too). */
    private SummaryEntry visible(Caller caller, String summaryId) {
        SummaryEntry entry = Checks.validId(summaryId) ? catalogue.find(summaryId).orElse(null) : null;
        boolean sees = entry != null && (caller.is(Role.PROVIDER_ADMIN)
                || caller.is(Role.COMMISSIONER) && entry.kind() == SummaryKind.COMMISSIONER_SUMMARY
                && caller.commissionerId() != null && caller.commissionerId().equals(entry.commissionerId()));
        if (!sees) {
            throw ProblemException.notFound("Summary " + summaryId);
        }
        return entry;
    }
}
