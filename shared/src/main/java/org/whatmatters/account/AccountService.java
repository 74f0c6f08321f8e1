package org.whatmatters.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.whatmatters.auth.Caller;
import org.whatmatters.access.ClientAccess;
import org.whatmatters.auth.Role;
import org.whatmatters.data.ClientStore;
import org.whatmatters.data.ContactStore;
import org.whatmatters.data.FamilyLinkStore;
import org.whatmatters.data.InvitationStore;
import org.whatmatters.data.SurveyPeriodStore;
import org.whatmatters.data.SurveyResponseStore;
import org.whatmatters.data.TeamStore;
import org.whatmatters.domain.Client;
import org.whatmatters.domain.FamilyLink;
import org.whatmatters.domain.Invitation;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyPeriod;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.domain.Team;

/** {@code GET /me}: what a signed-in caller can reach, so a page knows where to start. */
@Singleton
public final class AccountService {

    private final FamilyLinkStore links;
    private final ClientStore clients;
    private final TeamStore teams;
    private final InvitationStore invitations;
    private final SurveyPeriodStore periods;
    private final SurveyResponseStore responses;
    private final ContactStore contacts;
    private final Clock clock;

    @Inject
    public AccountService(FamilyLinkStore links, ClientStore clients, TeamStore teams, InvitationStore invitations,
                          SurveyPeriodStore periods, SurveyResponseStore responses, ContactStore contacts, Clock clock) {
        this.links = links;
        this.clients = clients;
        this.teams = teams;
        this.invitations = invitations;
        this.periods = periods;
        this.responses = responses;
        this.contacts = contacts;
        this.clock = clock;
    }

    public AccountView me(Caller caller) {
        ClientAccess.requireSomeRole(caller);
        List<String> roles = caller.roles().stream().map(Role::toString).sorted().toList();
        if (!caller.is(Role.FAMILY)) {
            return new AccountView(caller.sub(), roles, caller.teamId(), caller.commissionerId(), List.of(), List.of());
        }
        if (caller.verifiedEmail() != null) {
            // Where notifications reach them (surveys, the digest) before they ever open their settings.
            contacts.keepEmail(caller.sub(), caller.verifiedEmail());
        }
        List<AccountView.LinkedPerson> people = new ArrayList<>();
        for (FamilyLink listed : links.ofFamily(caller.sub())) {
            // The index may lag a revocation: the link itself is read again, strongly consistent.
            FamilyLink link = listed.active() ? links.find(listed.clientId(), caller.sub()).orElse(null) : null;
            Client client = link != null && link.active() ? clients.find(link.clientId()).orElse(null) : null;
            if (client != null) {
                people.add(new AccountView.LinkedPerson(client.clientId(), client.displayName(), link.relationship(),
                        teams.find(client.teamId()).map(Team::name).orElse(null)));
            }
        }
        people.sort(Comparator.comparing(AccountView.LinkedPerson::displayName));
        return new AccountView(caller.sub(), roles, null, caller.commissionerId(), people, openSurveys(caller, people));
    }

    private List<AccountView.OpenSurvey> openSurveys(Caller caller, List<AccountView.LinkedPerson> people) {
        Map<String, AccountView.LinkedPerson> linked = people.stream()
                .collect(Collectors.toMap(AccountView.LinkedPerson::clientId, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        List<AccountView.OpenSurvey> out = new ArrayList<>();
        for (Invitation i : invitations.ofRespondent(RespondentType.FAMILY, caller.sub())) {
            SurveyPeriod p = linked.containsKey(i.clientId()) ? periods.find(i.periodId()).orElse(null) : null;
            if (p != null && p.isOpen(today)) {
                var answered = responses.find(p.periodId(), RespondentType.FAMILY, caller.sub())
                        .map(SurveyResponse::submittedAt).orElse(null);
                out.add(new AccountView.OpenSurvey(p.periodId(), p.label(), p.opensOn(), p.closesOn(), i.clientId(),
                        p.questions(), answered));
            }
        }
        out.sort(Comparator.comparing(AccountView.OpenSurvey::closesOn));
        return out;
    }
}
