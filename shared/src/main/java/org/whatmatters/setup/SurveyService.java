package org.whatmatters.setup;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Role;
import org.whatmatters.access.SetupAccess;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.Contract;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyQuestion;
import org.whatmatters.problem.ProblemException;
import org.whatmatters.problem.Violations;
import org.whatmatters.validation.Checks;

/**
 * Survey periods of a contract and the invitations that are the denominator of its response rate.
 * The provider admin writes both; the contract's commissioner reads the periods.
 */
@Singleton
public final class SurveyService {

    static final int LABEL_MAX = 40;
    static final int QUESTIONS_MAX = 10;
    static final int QUESTION_ID_MAX = 40;
    static final int QUESTION_TEXT_MAX = 200;
    static final int LONGEST_DAYS = 366;
    static final int RESPONDENTS_MAX = 100;

    private final ContractService contracts;
    private final SurveyPeriodStore periods;
    private final InvitationStore invitations;
    private final AggregateStore aggregates;
    private final ClientStore clients;
    private final FamilyLinkStore links;
    private final Clock clock;

    @Inject
    public SurveyService(ContractService contracts, SurveyPeriodStore periods, InvitationStore invitations,
                         AggregateStore aggregates, ClientStore clients, FamilyLinkStore links, Clock clock) {
        this.contracts = contracts;
        this.periods = periods;
        this.invitations = invitations;
        this.aggregates = aggregates;
        this.clients = clients;
        this.links = links;
        this.clock = clock;
    }

    public PeriodView createPeriod(Caller caller, String contractId, NewSurveyPeriod cmd) {
        Contract contract = contracts.visible(caller, contractId);
        SetupAccess.requireAdmin(caller, "add survey periods");
        Violations v = new Violations();
        Checks.text(v, "label", cmd.label(), LABEL_MAX);
        v.required("opensOn", cmd.opensOn());
        v.required("closesOn", cmd.closesOn());
        if (cmd.opensOn() != null && cmd.closesOn() != null) {
            if (cmd.closesOn().isBefore(cmd.opensOn())) {
                v.add("closesOn", "must not be before opensOn");
            } else if (ChronoUnit.DAYS.between(cmd.opensOn(), cmd.closesOn()) >= LONGEST_DAYS) {
                v.add("closesOn", "a survey period lasts at most a year");
            } else if (!contract.inForce(cmd.opensOn()) || !contract.inForce(cmd.closesOn())) {
                v.add(contract.inForce(cmd.opensOn()) ? "closesOn" : "opensOn", "must be within the contract, "
                        + contract.startsOn() + " to " + contract.endsOn());
            }
        }
        List<SurveyQuestion> questions = cmd.questions() == null ? SurveyPeriod.DEFAULT_QUESTIONS : cmd.questions();
        questions(v, questions);
        v.throwIfAny();

        Optional<SurveyPeriod> clash = periods.ofContract(contractId).stream()
                .filter(p -> p.overlaps(cmd.opensOn(), cmd.closesOn())).findFirst();
        if (clash.isPresent()) {
            throw overlap(clash.get());
        }
        SurveyPeriod period = new SurveyPeriod("sp-" + UUID.randomUUID(), contractId, cmd.label().strip(),
                cmd.opensOn(), cmd.closesOn(), questions, caller.sub(), clock.instant());
        if (!periods.create(period, contract)) {
            throw ProblemException.conflict("Another survey period was added to contract " + contractId
                    + " while you were saving; reload its periods and try again");
        }
        return PeriodView.of(period, LocalDate.now(clock), 0L);
    }

    public PeriodList listPeriods(Caller caller, String contractId) {
        contracts.visible(caller, contractId);
        LocalDate today = LocalDate.now(clock);
        return new PeriodList(contractId, periods.ofContract(contractId).stream()
                .map(p -> PeriodView.of(p, today, null)).toList());
    }

    public PeriodView getPeriod(Caller caller, String periodId) {
        SurveyPeriod period = visiblePeriod(caller, periodId);
        Long invited = caller.is(Role.PROVIDER_ADMIN)
                ? aggregates.read(AggregateKey.period(periodId)).getOrDefault(Counter.INVITATIONS, 0L) : null;
        return PeriodView.of(period, LocalDate.now(clock), invited);
    }

    /**
     * Invites each respondent once: one transaction per invitation writes it and counts it, so a
     * repeated or retried invitation is neither stored nor counted twice.
     */
    public InvitationsResult invite(Caller caller, String periodId, NewInvitations cmd) {
        SurveyPeriod period = visiblePeriod(caller, periodId);
        SetupAccess.requireAdmin(caller, "invite respondents");
        Contract contract = contracts.visible(caller, period.contractId());

        if (LocalDate.now(clock).isAfter(period.closesOn())) {
            throw ProblemException.conflict("Survey period " + period.label() + " closed on " + period.closesOn()
                    + "; invitations can no longer be added");
        }
        List<Invitation> toWrite = invitations(period, contract, cmd, caller);
        int invited = 0;
        for (Invitation i : toWrite) {
            if (invitations.invite(i)) {
                invited++;
            }
        }
        return new InvitationsResult(periodId, invited, toWrite.size() - invited);
    }

    private List<Invitation> invitations(SurveyPeriod period, Contract contract, NewInvitations cmd, Caller caller) {
        Violations v = new Violations();
        if (!v.required("respondents", cmd.respondents())) {
            v.throwIfAny();
        }
        List<NewInvitations.Respondent> given = cmd.respondents();
        if (given.size() > RESPONDENTS_MAX) {
            v.add("respondents", "at most " + RESPONDENTS_MAX + " per request");
            v.throwIfAny();
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<Client>> seen = new HashMap<>();
        Set<String> respondents = new HashSet<>();
        List<Invitation> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String f = "respondents[" + i + "]";
            NewInvitations.Respondent r = given.get(i);
            if (r == null) {
                v.add(f, "is required");
                continue;
            }
            v.required(f + ".respondentType", r.respondentType());
            Checks.id(v, f + ".respondentId", r.respondentId());
            Checks.id(v, f + ".clientId", r.clientId());
            if (v.has(f + ".respondentType") || v.has(f + ".respondentId") || v.has(f + ".clientId")) {
                continue;
            }
            if (!respondents.add(r.respondentType() + "#" + r.respondentId())) {
                v.add(f, "names a respondent already listed");
                continue;
            }
            Optional<Client> client = seen.computeIfAbsent(r.clientId(), clients::find);
            if (client.isEmpty()) {
                v.add(f + ".clientId", "is not a client of this provider");
                continue;
            }
            if (!contract.covers(client.get().teamId(), clamp(today, period))) {
                v.add(f + ".clientId", "is supported by a team this contract does not cover");
                continue;
            }
            if (r.respondentType() == RespondentType.CLIENT && !r.respondentId().equals(r.clientId())) {
                v.add(f + ".respondentId", "must be the clientId when the client is the respondent");
                continue;
            }
            if (r.respondentType() == RespondentType.FAMILY && !linked(r.clientId(), r.respondentId())) {
                v.add(f + ".respondentId", "is not a family member linked to this client");
                continue;
            }
            out.add(new Invitation(period.periodId(), contract.contractId(), r.respondentType(), r.respondentId(),
                    r.clientId(), client.get().teamId(), caller.sub(), clock.instant()));
        }
        v.throwIfAny();
        return out;
    }

    private boolean linked(String clientId, String sub) {
        return links.find(clientId, sub).filter(FamilyLink::active).isPresent();
    }

    /** The contract must cover the client's team during the period: checked on a day inside it. */
    private static LocalDate clamp(LocalDate today, SurveyPeriod p) {
        return today.isBefore(p.opensOn()) ? p.opensOn() : today.isAfter(p.closesOn()) ? p.closesOn() : today;
    }

    /** A period is visible to whoever may see its contract. */
    private SurveyPeriod visiblePeriod(Caller caller, String periodId) {
        ClientAccess.requireSomeRole(caller);
        SurveyPeriod period = Checks.validId(periodId) ? periods.find(periodId).orElse(null) : null;
        if (period == null) {
            throw ProblemException.notFound("Survey period " + periodId);
        }
        try {
            contracts.visible(caller, period.contractId());
        } catch (ProblemException e) {
            throw ProblemException.notFound("Survey period " + periodId);
        }
        return period;
    }

    private static void questions(Violations v, List<SurveyQuestion> questions) {
        if (questions.isEmpty()) {
            v.add("questions", "ask at least one question, or leave questions out for the standard three");
            return;
        }
        if (questions.size() > QUESTIONS_MAX) {
            v.add("questions", "at most " + QUESTIONS_MAX + " questions");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion q = questions.get(i);
            if (q == null) {
                v.add("questions[" + i + "]", "is required");
                continue;
            }
            Checks.kebab(v, "questions[" + i + "].questionId", q.questionId(), QUESTION_ID_MAX);
            Checks.text(v, "questions[" + i + "].text", q.text(), QUESTION_TEXT_MAX);
            if (q.questionId() != null && !ids.add(q.questionId())) {
                v.add("questions[" + i + "].questionId", "is used twice");
            }
        }
    }

    private static ProblemException overlap(SurveyPeriod other) {
        return ProblemException.conflict("This period overlaps survey period " + other.label() + " ("
                + other.opensOn() + " to " + other.closesOn() + "); a contract's periods must not overlap");
    }
}
