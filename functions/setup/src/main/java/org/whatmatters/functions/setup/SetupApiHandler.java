package org.whatmatters.functions.setup;

import static java.util.Map.entry;
import static org.whatmatters.auth.Role.COMMISSIONER;
import static org.whatmatters.auth.Role.FAMILY;
import static org.whatmatters.auth.Role.PROVIDER_ADMIN;
import static org.whatmatters.auth.Role.WORKER;

import java.util.Map;
import org.whatmatters.account.AccountService;
import org.whatmatters.config.Env;
import org.whatmatters.invites.AcceptInvite;
import org.whatmatters.invites.FamilyInviteService;
import org.whatmatters.invites.NewFamilyInvite;
import org.whatmatters.lambda.ApiResponse;
import org.whatmatters.lambda.Endpoint;
import org.whatmatters.lambda.HttpApiHandler;
import org.whatmatters.lambda.Priming;
import org.whatmatters.setup.ClientService;
import org.whatmatters.setup.ClientView;
import org.whatmatters.setup.CommissionerAccountService;
import org.whatmatters.setup.CommissionerAccountView;
import org.whatmatters.setup.ContractService;
import org.whatmatters.setup.ContractView;
import org.whatmatters.setup.HoursChange;
import org.whatmatters.setup.NewClient;
import org.whatmatters.setup.NewCommissionerAccount;
import org.whatmatters.setup.NewContract;
import org.whatmatters.setup.NewInvitations;
import org.whatmatters.setup.NewMember;
import org.whatmatters.setup.NewSurveyPeriod;
import org.whatmatters.setup.NewTeam;
import org.whatmatters.setup.PeriodView;
import org.whatmatters.setup.SurveyService;
import org.whatmatters.setup.TeamService;
import org.whatmatters.setup.TeamView;

/**
 * The provider set-up API: who the caller is (GET /me), teams and members, clients and their planned hours, commissioner
 * contracts and accounts, survey periods and invitations, and family invites and links.
 */
public final class SetupApiHandler extends HttpApiHandler {

    /** Lambda's entry point. */
    public SetupApiHandler() {
        this(SetupComponent.create(Env.system()));
    }

    /** Tests and the local cloud: the function's wiring on their environment and clock. */
    public SetupApiHandler(SetupComponent wiring) {
        super(routes(wiring.account(), wiring.teams(), wiring.clients(), wiring.invites(), wiring.contracts(),
                wiring.surveys(), wiring.commissionerAccounts()), wiring.idempotency(), wiring.affiliations(),
                Priming.get("GET /clients/{clientId}", "clientId", "priming"));
    }

    private static Map<String, Endpoint> routes(AccountService account, TeamService teams, ClientService clients,
                                                FamilyInviteService invites, ContractService contracts,
                                                SurveyService surveys, CommissionerAccountService accounts) {
        return Map.ofEntries(
                entry("GET /me", Endpoint.anyRole(r -> ApiResponse.ok(account.me(r.caller())))),

                entry("POST /teams", Endpoint.of(r -> {
                    TeamView t = teams.create(r.caller(), r.body(NewTeam.class));
                    return ApiResponse.created("/teams/" + t.teamId(), t);
                }, PROVIDER_ADMIN)),
                entry("GET /teams", Endpoint.of(r -> ApiResponse.ok(teams.list(r.caller())), PROVIDER_ADMIN, WORKER)),
                entry("GET /teams/{teamId}", Endpoint.of(r -> ApiResponse.ok(teams.get(r.caller(), r.path("teamId"))),
                        PROVIDER_ADMIN, WORKER)),
                entry("POST /teams/{teamId}/members", Endpoint.of(r -> ApiResponse.created("/teams/" + r.path("teamId"),
                        teams.addMember(r.caller(), r.path("teamId"), r.body(NewMember.class))), PROVIDER_ADMIN)),
                entry("DELETE /teams/{teamId}/members/{workerId}", Endpoint.of(r -> ApiResponse.ok(
                        teams.removeMember(r.caller(), r.path("teamId"), r.path("workerId"))), PROVIDER_ADMIN)),
                entry("GET /teams/{teamId}/split-proposal", Endpoint.of(r -> ApiResponse.ok(
                        teams.proposeSplit(r.caller(), r.path("teamId"))), PROVIDER_ADMIN)),

                entry("POST /clients", Endpoint.of(r -> {
                    ClientView c = clients.create(r.caller(), r.body(NewClient.class));
                    return ApiResponse.created("/clients/" + c.clientId(), c);
                }, PROVIDER_ADMIN)),
                entry("GET /clients/{clientId}", Endpoint.of(r -> ApiResponse.ok(clients.get(r.caller(),
                        r.path("clientId"))), PROVIDER_ADMIN, WORKER, FAMILY)),
                entry("PUT /clients/{clientId}/planned-hours", Endpoint.of(r -> ApiResponse.ok(
                        clients.changeHours(r.caller(), r.path("clientId"), r.body(HoursChange.class))), PROVIDER_ADMIN)),
                entry("GET /clients/{clientId}/planned-hours", Endpoint.of(
                        r -> ApiResponse.ok(clients.hoursHistory(r.caller(), r.path("clientId"))), PROVIDER_ADMIN, WORKER)),

                // The code is in this answer only: no cache may keep it.
                entry("POST /clients/{clientId}/invites", Endpoint.of(r -> ApiResponse.secret(201,
                        invites.invite(r.caller(), r.path("clientId"), r.body(NewFamilyInvite.class))),
                        PROVIDER_ADMIN, WORKER)),
                entry("POST /invites/accept", Endpoint.of(
                        r -> ApiResponse.ok(invites.accept(r.caller(), r.body(AcceptInvite.class))), FAMILY)),
                entry("GET /clients/{clientId}/family", Endpoint.of(
                        r -> ApiResponse.ok(invites.links(r.caller(), r.path("clientId"))), PROVIDER_ADMIN, WORKER)),
                entry("DELETE /clients/{clientId}/family/{familySub}", Endpoint.of(r -> ApiResponse.ok(
                        invites.revoke(r.caller(), r.path("clientId"), r.path("familySub"))), PROVIDER_ADMIN, WORKER)),

                entry("POST /contracts", Endpoint.of(r -> {
                    ContractView k = contracts.create(r.caller(), r.body(NewContract.class));
                    return ApiResponse.created("/contracts/" + k.contractId(), k);
                }, PROVIDER_ADMIN)),
                entry("GET /contracts", Endpoint.of(r -> ApiResponse.ok(contracts.list(r.caller())),
                        PROVIDER_ADMIN, COMMISSIONER)),
                entry("GET /contracts/{contractId}", Endpoint.of(
                        r -> ApiResponse.ok(contracts.get(r.caller(), r.path("contractId"))), PROVIDER_ADMIN, COMMISSIONER)),
                entry("POST /contracts/{contractId}/survey-periods", Endpoint.of(r -> {
                    PeriodView p = surveys.createPeriod(r.caller(), r.path("contractId"),
                            r.body(NewSurveyPeriod.class));
                    return ApiResponse.created("/survey-periods/" + p.periodId(), p);
                }, PROVIDER_ADMIN)),
                entry("GET /contracts/{contractId}/survey-periods", Endpoint.of(
                        r -> ApiResponse.ok(surveys.listPeriods(r.caller(), r.path("contractId"))),
                        PROVIDER_ADMIN, COMMISSIONER)),
                entry("GET /survey-periods/{periodId}", Endpoint.of(
                        r -> ApiResponse.ok(surveys.getPeriod(r.caller(), r.path("periodId"))), PROVIDER_ADMIN, COMMISSIONER)),
                entry("POST /survey-periods/{periodId}/invitations", Endpoint.of(r -> ApiResponse.ok(
                        surveys.invite(r.caller(), r.path("periodId"), r.body(NewInvitations.class))), PROVIDER_ADMIN)),

                entry("POST /commissioners/{commissionerId}/accounts", Endpoint.of(r -> {
                    CommissionerAccountView a = accounts.add(r.caller(), r.path("commissionerId"),
                            r.body(NewCommissionerAccount.class));
                    return ApiResponse.created("/commissioners/" + a.commissionerId() + "/accounts/" + a.sub(), a);
                }, PROVIDER_ADMIN)),
                entry("GET /commissioners/{commissionerId}/accounts", Endpoint.of(
                        r -> ApiResponse.ok(accounts.list(r.caller(), r.path("commissionerId"))), PROVIDER_ADMIN)),
                entry("DELETE /commissioners/{commissionerId}/accounts/{sub}", Endpoint.of(r -> ApiResponse.ok(
                        accounts.remove(r.caller(), r.path("commissionerId"), r.path("sub"))), PROVIDER_ADMIN)));
    }
}
